using NasPipeline.Stages;
using NasPipeline.Manifest;
using NasPipeline.Tool;

namespace NasPipeline.Tests.Manifest;

/// <summary>
/// Each broken manifest fails with its own message, at the line and column of the culprit, and exit code 2.
/// </summary>
public sealed class MalformedManifestTests
{
    const string Valid = """
        [experiment]
        name = "t"
        seeds = [0, 1]

        [[trainers]]
        id = "darts"
        method = "darts"

        [[selectors]]
        id = "mag"
        method = "magnitude"
        """;

    public static IEnumerable<TestCaseData> LoadCases() => Cases("Load_{0}_ReportsLocation");
    public static IEnumerable<TestCaseData> ValidateCases() => Cases("Validate_{0}_ExitsWithTwoAndLocation");

    static IEnumerable<TestCaseData> Cases(string naming)
    {
        TestCaseData Case(string name, string toml, int line, int column, string message) =>
            new TestCaseData(toml, line, column, message).SetName(string.Format(naming, name));

        yield return Case("InvalidToml", "[experiment\nname = \"t\"\n", 1, 12, "invalid TOML");
        yield return Case("UnknownKey", Valid.Replace("name = \"t\"", "name = \"t\"\nnmae = \"u\""), 3, 1,
            "unknown key 'nmae' in [experiment]; expected one of: name, seeds");
        yield return Case("WrongType", Valid.Replace("seeds = [0, 1]", "seeds = \"0\""), 3, 9,
            "'seeds' must be an array of integers, got the string \"0\"");
        yield return Case("UnknownTrainer", Valid.Replace("method = \"darts\"", "method = \"dartz\""), 7, 10,
            "unknown trainer method \"dartz\"; valid methods: darts");
        yield return Case("UnknownSelector", Valid.Replace("method = \"magnitude\"", "method = \"biggest\""), 11, 10,
            "unknown selector method \"biggest\"; valid methods: magnitude");
        yield return Case("MissingExperiment", Valid.Replace("[experiment]\nname = \"t\"\nseeds = [0, 1]\n", ""), 1, 1,
            "missing required section [experiment]");
        yield return Case("MissingMethod", Valid.Replace("method = \"darts\"\n", ""), 5, 1,
            "[trainers] is missing required key 'method'");
        yield return Case("UnknownSection", Valid + "\n\n[retrian]\nepochs = 3\n", 13, 1,
            "unknown section [retrian]; expected one of: experiment, dataset");
        yield return Case("OutOfRange", Valid.Replace("method = \"darts\"", "method = \"darts\"\nepochs = 0"),
            8, 10, "'epochs' = 0 is out of range [1, 2147483647]");
        yield return Case("DuplicateTrainerId", Valid + "\n\n[[trainers]]\nid = \"darts\"\nmethod = \"darts\"\n", 14, 6,
            "id \"darts\" is used twice");
        yield return Case("DuplicateSeed", Valid.Replace("seeds = [0, 1]", "seeds = [1, 1]"), 3, 9,
            "'seeds' lists a seed twice");
        yield return Case("OptionWrongType", Valid.Replace("method = \"darts\"", "method = \"darts\"\nlr = \"fast\""),
            8, 6, "'lr' must be a number, got the string \"fast\"");
        yield return Case("UnknownDataset", Valid + "\n\n[dataset]\nname = \"mnist\"\n", 14, 8,
            "'name' = \"mnist\" is not one of: fashion-mnist, cifar10, cifar100, synthetic");
        yield return Case("UnknownAugment", Valid + "\n\n[dataset]\naugment = \"cutout\"\n", 14, 11,
            "'augment' = \"cutout\" is not one of: crop-flip, none");
        yield return Case("CifarWithoutPath", Valid + "\n\n[dataset]\nname = \"cifar10\"\n", 13, 1, "needs 'path'");
        yield return Case("UnknownTrainerOption",
            Valid.Replace("method = \"darts\"", "method = \"darts\"\nalpha_lrr = 0.1"), 8, 1,
            "unknown key 'alpha_lrr' in [trainers]; expected one of: id, method, epochs");
        yield return Case("NoSelectors", Valid[..Valid.IndexOf("[[selectors]]", StringComparison.Ordinal)], 1, 1,
            "at least one [[selectors]] entry");
        yield return Case("DuplicateKey", Valid.Replace("name = \"t\"", "name = \"t\"\nname = \"u\""), 3, 1,
            "The key `experiment.name` is already defined");
        yield return Case("Nb201WithoutTable", Valid + "\n\n[evaluation]\nevaluators = [\"nb201\"]\n", 14, 14,
            "evaluator \"nb201\" needs the benchmark table: add [benchmark] table");
        yield return Case("UnknownEvaluator", Valid + "\n\n[evaluation]\nevaluators = [\"lookup\"]\n", 14, 14,
            "unknown evaluator \"lookup\"; evaluators: retrain, nb201");
        yield return Case("DuplicateEvaluator",
            Valid + "\n\n[evaluation]\nevaluators = [\"retrain\", \"retrain\"]\n", 14, 14,
            "[evaluation] evaluators lists evaluator \"retrain\" twice");
        yield return Case("UnknownProxy",
            Valid + "\n\n[benchmark]\ntable = \"t.csv\"\n\n[proxy_study]\nproxies = [\"synflo\"]\n", 17, 11,
            "unknown proxy \"synflo\"; proxies: fisher, flops, grad_norm, grasp, jacov, nwot, params, snip, " +
            "synflow, zen");
        yield return Case("ProxyStudyWithoutTable", Valid + "\n\n[proxy_study]\narchitectures = 10\n", 13, 1,
            "[proxy_study] needs the benchmark table");
        yield return Case("ProxyStudyWithTrainersButNoSelectors",
            Valid[..Valid.IndexOf("[[selectors]]", StringComparison.Ordinal)] +
            "[benchmark]\ntable = \"t.csv\"\n\n[proxy_study]\n", 1, 1,
            "at least one [[selectors]] entry (id, method), or only a [proxy_study]");
        yield return Case("UnknownDevice", Valid.Replace("seeds = [0, 1]", "seeds = [0, 1]\ndevice = \"gpu\""), 4, 10,
            "'device' = \"gpu\" must be \"cpu\", \"cuda\" or \"cuda:<index>\"");
        yield return Case("UnknownExecutor", Valid + "\n\n[executor]\nkind = \"kubernetes\"\n", 14, 8,
            "'kind' = \"kubernetes\" is not one of: local, slurm");
        yield return Case("ZeroJobs", Valid + "\n\n[executor]\njobs = 0\n", 14, 8,
            "'jobs' = 0 is out of range [1, 1024]");
        yield return Case("SlurmBadTime", Valid + "\n\n[executor.slurm]\ntime = \"4 hours\"\n", 14, 8,
            "[executor.slurm] time = \"4 hours\" must be a Slurm time limit");
        yield return Case("SlurmStageBadMemory", Valid + "\n\n[executor.slurm.train]\nmem = \"lots\"\n", 14, 7,
            "[executor.slurm.train] mem = \"lots\" must be a Slurm memory size");
        yield return Case("SlurmUnknownStage", Valid + "\n\n[executor.slurm.trian]\ntime = \"10\"\n", 13, 1,
            "unknown section [executor.slurm.trian]; expected one of:");
        yield return Case("SlurmExtraNotAnOption", Valid + "\n\n[executor.slurm]\nextra = [\"qos=long\"]\n", 14, 9,
            "extra lists \"qos=long\": each entry is one sbatch argument");
        yield return Case("SlurmUnknownKey", Valid + "\n\n[executor.slurm]\ncpus = 4\n", 14, 1,
            "unknown key 'cpus' in [executor.slurm]; expected one of: partition, account, time, cpus_per_task");
        yield return Case("BadExperimentName", Valid.Replace("name = \"t\"", "name = \"a/b\""), 2, 8,
            "must be letters, digits");

        // Numbers: range-checked before narrowing to int, floats finite (issue 13).
        string Seeds(string seeds) => Valid.Replace("seeds = [0, 1]", seeds);
        string Trainer(string line) => Valid.Replace("method = \"darts\"", "method = \"darts\"\n" + line);
        string Section(string table, string line) => Valid + $"\n\n[{table}]\n{line}\n";
        const string IntRange = "[1, 2147483647]";
        yield return Case("SeedOverflow", Seeds("seeds = [5000000000]"), 3, 10,
            "'seeds[0]' = 5000000000 is out of range [0, 2147483647]");
        yield return Case("NegativeSeed", Seeds("seeds = [0, -1]"),
            3, 13, "'seeds[1]' = -1 is out of range [0, 2147483647]");
        yield return Case("SeedNotInteger", Seeds("seeds = [0, \"1\"]"), 3, 13,
            "'seeds[1]' must be an integer, got the string \"1\"");
        yield return Case("SeedNested", Seeds("seeds = [[0]]"), 3, 10, "'seeds[0]' must be an integer, got an array");
        yield return Case("SeedsEmpty", Seeds("seeds = []"), 3, 9, "'seeds' needs at least 1 value(s), got 0");
        yield return Case("SeedsDate", Seeds("seeds = 1979-05-27"), 3, 9, "'seeds': date/time values are not used");
        yield return Case("EpochsOverflow", Trainer("epochs = 5000000000"), 8, 10,
            $"'epochs' = 5000000000 is out of range {IntRange}");
        yield return Case("EpochsBeyondInt64", Trainer("epochs = 99999999999999999999"), 8, 10, "invalid TOML");
        yield return Case("EpochsFraction", Trainer("epochs = 2.5"),
            8, 10, "'epochs' must be an integer, got the number 2.5");
        yield return Case("EpochsInlineTable", Trainer("epochs = { n = 2 }"),
            8, 10, "'epochs' must be an integer, got a table");
        yield return Case("RetrainBatchOverflow", Section("retrain", "batch_size = 99999999999"), 14, 14,
            $"'batch_size' = 99999999999 is out of range {IntRange}");
        yield return Case("RetrainZeroBatch", Section("retrain", "batch_size = 0"), 14, 14,
            $"'batch_size' = 0 is out of range {IntRange}");
        yield return Case("NegativeWeightSize", Section("dataset", "weight_size = -1"), 14, 15,
            "'weight_size' = -1 is out of range [0, 2147483647]");
        yield return Case("SplitSeedOverflow", Section("dataset", "split_seed = 5000000000"), 14, 14,
            "'split_seed' = 5000000000 is out of range [-2147483648, 2147483647]");
        yield return Case("ZeroThreads", Seeds("seeds = [0, 1]\nthreads = 0"),
            4, 11, "'threads' = 0 is out of range [1, 256]");
        yield return Case("TooManyDecimals", Section("report", "decimals = 7"),
            14, 12, "'decimals' = 7 is out of range [0, 6]");
        yield return Case("LrInfinite", Trainer("lr = inf"), 8, 6, "'lr' = inf is not a finite number");
        yield return Case("LrNegativeInfinite", Trainer("lr = -inf"), 8, 6, "'lr' = -inf is not a finite number");
        yield return Case("LrNan", Trainer("lr = nan"), 8, 6, "'lr' = nan is not a finite number");
        yield return Case("LrExponentOverflow", Trainer("lr = 1e999"), 8, 6, "'lr' = inf is not a finite number");
        yield return Case("LrNegative", Trainer("lr = -0.5"), 8, 6, "'lr' = -0.5 is out of range [0, inf]");
        yield return Case("LrBoolean", Trainer("lr = true"), 8, 6, "'lr' must be a number, got true");
        yield return Case("MomentumAboveOne", Section("retrain", "momentum = 1.5"),
            14, 12, "'momentum' = 1.5 is out of range [0, 1]");
        yield return Case("RetrainLrInfinite", Section("retrain", "lr = inf"),
            14, 6, "'lr' = inf is not a finite number");
        string Selector(string lines) => Valid.Replace("method = \"magnitude\"", lines);
        yield return Case("ProxyOptionOutOfRange", Selector("method = \"zc-zen\"\nrepeats = 0"), 12, 11,
            "'repeats' = 0 is out of range [1, 1000]");

        // Unknown keys in every section and in every plug-in's options.
        yield return Case("UnknownSelectorOption", Selector("method = \"magnitude\"\nexclude_nonee = true"), 12, 1,
            "unknown key 'exclude_nonee' in [selectors]; expected one of: id, method, exclude_none");
        yield return Case("UnknownProxyOption", Selector("method = \"zc-zen\"\nrepeat = 2"), 12, 1,
            "unknown key 'repeat' in [selectors]; expected one of: id, method, edge_order, batch_size, exclude_none, " +
            "repeats");
        yield return Case("UnknownTopLevelKey", "seed = 1\n" + Valid, 1, 1, "unknown key 'seed' in [(top level)]");
        string[] tables = ["dataset", "search_space", "retrain", "report", "benchmark", "evaluation", "executor"];
        foreach (var table in tables)
            yield return Case($"UnknownKeyIn_{table}", Section(table, "bogus = 1"),
                14, 1, $"unknown key 'bogus' in [{table}]");
        yield return Case("UnknownKeyIn_proxy_study",
            Valid + "\n\n[benchmark]\ntable = \"t.csv\"\n\n[proxy_study]\nbogus = 1\n", 17, 1,
            "unknown key 'bogus' in [proxy_study]");
        yield return Case("SyntheticKeyOnFashionMnist", Section("dataset", "image_size = 8"), 14, 1,
            "unknown key 'image_size' in [dataset]");
        yield return Case("DottedKey", Section("retrain", "epochs.x = 1"),
            14, 1, "unknown key 'epochs.x' in [retrain]");

        // Tables where arrays of tables belong and the other way round.
        yield return Case("RetrainAsTableArray", Valid + "\n\n[[retrain]]\nepochs = 3\n", 13, 1,
            "[[retrain]] must be a single table: write [retrain]");
        yield return Case("TrainersAsTable", Valid.Replace("[[trainers]]", "[trainers]"), 5, 1,
            "[trainers] must be written [[trainers]]");

        // Names that become folders or node ids must stay inside the output folder.
        yield return Case("ExperimentNameDotDot", Valid.Replace("name = \"t\"", "name = \"..\""),
            2, 8, "'name' = \"..\" must not be");
        yield return Case("ExperimentNameDot", Valid.Replace("name = \"t\"", "name = \".\""),
            2, 8, "'name' = \".\" must not be");
        yield return Case("TrainerIdEscapes", Valid.Replace("id = \"darts\"", "id = \"../x\""), 6, 6,
            "[trainers] id \"../x\" must not contain '/' or '\\'");
        yield return Case("SelectorIdDotDot", Valid.Replace("id = \"mag\"", "id = \"..\""), 10, 6,
            "[selectors] id \"..\" must not be");
        yield return Case("EmptyId", Valid.Replace("id = \"darts\"", "id = \"\""),
            6, 6, "[trainers] id must not be empty");
        yield return Case("IdWithLineBreak", Valid.Replace("id = \"darts\"", "id = \"a\\nb\""), 6, 6,
            "[trainers] id must not contain control characters");
        yield return Case("EmptyArtifacts", Seeds("seeds = [0, 1]\nartifacts = \"\""), 4, 13,
            "[experiment] artifacts must be a path, got an empty string");
        yield return Case("NulInReportOutput", Section("report", "output = \"out\\u0000\""), 14, 10,
            "[report] output must not contain a NUL character");
        yield return Case("EmptyDatasetPath", Section("dataset", "path = \"\""), 14, 8,
            "[dataset] path must be a path, got an empty string");
        // What is undefined on a space is rejected at the key that asks for it, saying why.
        const string Darts = "\n\n[search_space]\nname = \"darts\"\n"; // lines 13–14
        const string Table = "\n[benchmark]\ntable = \"t.csv\"\n"; // lines 16–17
        yield return Case("AuxiliaryWeightOnNb201", Section("retrain", "auxiliary_weight = 0.4"), 14, 1,
            "[retrain] auxiliary_weight = 0.4: the nb201 space's network has no auxiliary head (the networks of " +
            "darts have it); remove the key or set it to 0");
        yield return Case("DropPathOnNb201", Section("retrain", "drop_path = 0.2"), 14, 1,
            "[retrain] drop_path = 0.2: the nb201 space's network has no drop path (the networks of darts have it)");
        yield return Case("DropPathAboveOne", Valid + Darts + "\n[retrain]\ndrop_path = 1.5\n", 17, 13,
            "'drop_path' = 1.5 is out of range [0, 1]");
        yield return Case("NegativeAuxiliaryWeight", Valid + Darts + "\n[retrain]\nauxiliary_weight = -0.4\n", 17, 20,
            "'auxiliary_weight' = -0.4 is out of range [0, inf]");
        yield return Case("NegativeCutout", Section("retrain", "cutout = -1"), 14, 10,
            "'cutout' = -1 is out of range [0, 1024]");
        yield return Case("Nb201EvaluatorOnDarts", Valid + Darts + Table + "\n[evaluation]\nevaluators = [\"nb201\"]\n",
            20, 14, "evaluator \"nb201\" looks selections up in the NAS-Bench-201 table, which holds only " +
            "nb201-space cells; the darts space has no benchmark table: use evaluators = [\"retrain\"]");
        yield return Case("ProxyStudyOnDarts", Valid + Darts + Table + "\n[proxy_study]\nproxies = [\"synflow\"]\n",
            19, 1, "[proxy_study] scores NB201 architectures from the NAS-Bench-201 table against their accuracies; " +
            "it is defined on the nb201 space only, and this manifest's space is darts");
        yield return Case("DuplicateSelectorId", Valid + "\n\n[[selectors]]\nid = \"mag\"\nmethod = \"random\"\n",
            14, 6, "[[selectors]] id \"mag\" is used twice");
    }

    [TestCaseSource(nameof(LoadCases))]
    public void Load(string toml, int line, int column, string message)
    {
        var e = Assert.Throws<ManifestException>(() => StudyManifest.Parse(toml, "m.toml"))!;
        Assert.That(e.Problem, Does.Contain(message));
        Assert.That((e.Location.File, e.Location.Line, e.Location.Column),
            Is.EqualTo(("m.toml", line, column)), e.Message);
    }

    [TestCaseSource(nameof(ValidateCases))]
    public void Validate(string toml, int line, int column, string message)
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.toml");
        File.WriteAllText(path, toml);
        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run(["validate", path]));
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Does.Contain($"{path}:{line}:{column}: error: ").And.Contain(message));
    }

    [Test]
    public void Validate_MsBuildFormat_PrintsCanonicalError()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.toml");
        File.WriteAllText(path, Valid.Replace("method = \"darts\"", "method = \"dartz\""));
        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run(["validate", "--format", "msbuild", path]));
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Does.Contain($"{path}(7,10): error NAS001: unknown trainer method"));
    }

    [Test]
    public void Run_BadManifest_ExitsWithTwoAndWritesNothing()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.toml");
        File.WriteAllText(path,
            Valid.Replace("seeds = [0, 1]", "seeds = [0, 1]\nartifacts = \"" + dir.File("cache") + "\"\nbogus = 1"));
        var (exit, output) = ConsoleCapture.Run(() => NasApp.Run(["report", "--manifest", path]));
        Assert.That(exit, Is.EqualTo(2), output);
        Assert.That(Directory.Exists(dir.File("cache")), Is.False);
    }

    [Test]
    public void Load_ValidManifest_AppliesDefaults()
    {
        var m = StudyManifest.Parse(Valid, "m.toml");
        Assert.That(m.Experiment.Seeds, Is.EqualTo(new[] { 0, 1 }));
        Assert.That(m.Dataset.Name, Is.EqualTo("fashion-mnist"));
        Assert.That(m.SearchSpace, Is.EqualTo(new SearchSpaceSection("nb201", 16, 5)));
        Assert.That(m.Trainers.Single().Options, Is.TypeOf<NasPipeline.Trainers.Darts.DartsOptions>());
    }
}
