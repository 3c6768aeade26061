// NasPipeline's build graph. The script only wires targets; the work lives in the `nas` tool and build/*.cake.
//   dotnet cake --target=Report --manifest=experiments/default.toml [--executor=local|slurm] [--jobs=2] [--detach]
#load "build/context.cake"
#load "build/tests.cake"

var target = Argument("target", "Report");

Setup<BuildContext>(cake => new BuildContext(
    Manifest: Argument("manifest", "experiments/default.toml"),
    Configuration: Argument("configuration", "Release"),
    Root: MakeAbsolute(Directory(".")).FullPath,
    Executor: Argument("executor", ""),
    Jobs: Argument("jobs", ""),
    Detach: HasArgument("detach")));

Task("Build").Does<BuildContext>(c => BuildTool(c));
Task("TrainSupernets").IsDependentOn("Build").Does<BuildContext>(c => Nas(c, "train", stage: true));
Task("Select").IsDependentOn("Build").Does<BuildContext>(c => Nas(c, "select", stage: true));
Task("Retrain").IsDependentOn("Build").Does<BuildContext>(c => Nas(c, "retrain", stage: true));
Task("Evaluate").IsDependentOn("Build").Does<BuildContext>(c => Nas(c, "evaluate", stage: true));
Task("Report").IsDependentOn("Build").Does<BuildContext>(c => Nas(c, "report", stage: true));
Task("Plan").IsDependentOn("Build").Does<BuildContext>(c => Nas(c, "plan"));
Task("Status").IsDependentOn("Build").Does<BuildContext>(c => Nas(c, "status"));
Task("Validate").IsDependentOn("Build").Does<BuildContext>(c => Nas(c, "validate"));
Task("Clean").IsDependentOn("Build").Does<BuildContext>(c => Nas(c, "clean"));
Task("Test").Does<BuildContext>(c => RunTests(c));

Task("Default").IsDependentOn("Report");
RunTarget(target);
