// NasPipeline's build graph. The script only wires targets; the work lives in the `nas` tool and build/*.cake.
//   dotnet cake --target=Report --manifest=experiments/default.toml
#load "build/context.cake"
#load "build/tests.cake"

var target = Argument("target", "Report");

Setup<BuildContext>(cake => new BuildContext(
    Manifest: Argument("manifest", "experiments/default.toml"),
    Configuration: Argument("configuration", "Release"),
    Root: MakeAbsolute(Directory(".")).FullPath));

Task("Build").Does<BuildContext>(c => BuildTool(c));
Task("TrainSupernets").IsDependentOn("Build").Does<BuildContext>(c => Nas(c, "train"));
Task("Select").IsDependentOn("Build").Does<BuildContext>(c => Nas(c, "select"));
Task("Retrain").IsDependentOn("Build").Does<BuildContext>(c => Nas(c, "retrain"));
Task("Evaluate").IsDependentOn("Build").Does<BuildContext>(c => Nas(c, "evaluate"));
Task("Report").IsDependentOn("Build").Does<BuildContext>(c => Nas(c, "report"));
Task("Plan").IsDependentOn("Build").Does<BuildContext>(c => Nas(c, "plan"));
Task("Validate").IsDependentOn("Build").Does<BuildContext>(c => Nas(c, "validate"));
Task("Clean").IsDependentOn("Build").Does<BuildContext>(c => Nas(c, "clean"));
Task("Test").Does<BuildContext>(c => RunTests(c));

Task("Default").IsDependentOn("Report");
RunTarget(target);
