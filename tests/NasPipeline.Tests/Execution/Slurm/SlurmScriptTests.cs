using System.Diagnostics;
using NasPipeline.Execution.Slurm;
using NasPipeline.Manifest;

namespace NasPipeline.Tests.Execution.Slurm;

/// <summary>The script text, and the script run by bash here with squeue and scontrol stand-ins (no cluster).</summary>
[Category("Slurm")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SlurmScriptTests
{
    static SlurmJob Job(params string[] command) => new("train-darts", command, "/work dir", "/logs/train.log",
        SlurmResources.Default, [], 60);

    static string[] Directives(string script) =>
        script.Split('\n').Where(l => l.StartsWith("#SBATCH ", StringComparison.Ordinal)).ToArray();

    [Test]
    public void For_PlainJob_HasTheFixedOptionsAndNoDependency()
    {
        var directives = Directives(SlurmScript.For(Job("nas", "run-node")));
        Assert.That(directives, Is.EqualTo(new[]
        {
            "#SBATCH --job-name=\"train-darts\"",
            "#SBATCH --output=\"/logs/train.log\"",
            "#SBATCH --open-mode=append",
            "#SBATCH --chdir=\"/work dir\"",
            "#SBATCH --requeue",
            "#SBATCH --signal=B:TERM@60",
        }));
    }

    [Test]
    public void For_AfterOkAndResources_WritesDependencyKillAndEveryResource()
    {
        var job = Job("nas") with
        {
            AfterOk = ["12", "13_2"],
            Resources = new SlurmResources("gpu", "lab", "1-00:00:00", 4, "16G", "gpu:1", ["--constraint", "a100"]),
            SignalGraceSeconds = 0,
        };
        var directives = Directives(SlurmScript.For(job));
        Assert.That(directives, Does.Contain("#SBATCH --dependency=afterok:12:13_2"));
        Assert.That(directives, Does.Contain("#SBATCH --kill-on-invalid-dep=yes"));
        Assert.That(directives, Does.Not.Contain("#SBATCH --signal=B:TERM@60"));
        Assert.That(directives[^7..], Is.EqualTo(new[]
        {
            "#SBATCH --partition=\"gpu\"",
            "#SBATCH --account=\"lab\"",
            "#SBATCH --time=\"1-00:00:00\"",
            "#SBATCH --cpus-per-task=4",
            "#SBATCH --mem=\"16G\"",
            "#SBATCH --gres=\"gpu:1\"",
            "#SBATCH \"--constraint\" \"a100\"",
        }));
    }

    [Test]
    public void DirectiveQuote_EscapesQuoteBackslashAndHash()
    {
        Assert.That(SlurmScript.DirectiveQuote("a \"b\" \\c #d $e"), Is.EqualTo("\"a \\\"b\\\" \\\\c \\#d $e\""));
    }

    [TestCase("a\nb")]
    [TestCase("a\rb")]
    public void DirectiveQuote_LineBreak_Throws(string value) =>
        Assert.Throws<ArgumentException>(() => SlurmScript.DirectiveQuote(value));

    [Test]
    public void For_BadValues_Throw()
    {
        Assert.Throws<ArgumentException>(() => SlurmScript.For(Job()));
        Assert.Throws<ArgumentException>(() => SlurmScript.For(Job("x") with { AfterOk = ["12; rm -rf /"] }));
        Assert.Throws<ArgumentException>(() => SlurmScript.For(Job("x") with { SignalGraceSeconds = -1 }));
        Assert.Throws<ArgumentException>(() => SlurmScript.For(Job("x") with { OutputPath = @"/logs/a\b.log" }));
        Assert.Throws<ArgumentException>(() => SlurmScript.For(Job("x") with
        {
            Environment = new Dictionary<string, string> { ["A B"] = "1" },
        }));
    }

    [Test]
    public void Script_CommandAndEnvironment_ReachTheChildUnchanged()
    {
        string[] words = ["a b", "it's", "$HOME", "`id`", "\"q\"", "back\\slash", "#hash", "*", ""];
        var job = Job(["/bin/bash", "-c", "printf '[%s]\\n' \"$@\" \"$NAS_TEST_VALUE\"", "argv0", .. words]) with
        {
            Environment = new Dictionary<string, string> { ["NAS_TEST_VALUE"] = "x'y $z" },
        };
        using var slurm = new FakeSlurm("");
        var (code, output, _) = slurm.Run(SlurmScript.For(job));
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            Is.EqualTo(words.Select(w => $"[{w}]").Append("[x'y $z]")));
    }

    [Test]
    public void Script_ChildExitCode_IsTheScriptsExitCode()
    {
        using var slurm = new FakeSlurm("RUNNING");
        Assert.That(slurm.Run(SlurmScript.For(Job("/bin/sh", "-c", "exit 3"))).Code, Is.EqualTo(3));
        Assert.That(slurm.Requeued, Is.Empty);
    }

    [Test]
    public void Script_Exit75WhileRunning_RequeuesItsOwnJobAndExitsZero()
    {
        using var slurm = new FakeSlurm("RUNNING");
        var (code, output, _) = slurm.Run(SlurmScript.For(Job("/bin/sh", "-c", "exit 75")));
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("requeueing"));
        Assert.That(slurm.Requeued, Is.EqualTo("requeue 4242"));
    }

    [Test]
    public void Script_Exit75AfterCancel_IsNotRequeued()
    {
        using var slurm = new FakeSlurm("COMPLETING");
        var (code, _, errors) = slurm.Run(SlurmScript.For(Job("/bin/sh", "-c", "exit 75")));
        Assert.That(code, Is.EqualTo(75));
        Assert.That(errors, Does.Contain("state is 'COMPLETING': not requeued"));
        Assert.That(slurm.Requeued, Is.Empty);
    }

    [Test]
    public void Script_TermToTheShell_ReachesTheChild()
    {
        // --signal=B:TERM@N and scancel --batch signal only the batch shell.
        using var slurm = new FakeSlurm("RUNNING");
        var shells = StartWaitingChildren(slurm, 1);
        Kill(shells[0].Shell.Id);
        Assert.That(shells[0].Shell.WaitForExit(10_000), Is.True, "the script did not end after TERM");
        Assert.That(shells[0].Shell.ExitCode, Is.EqualTo(0), "exit 75 while RUNNING: requeued, then exit 0");
        Assert.That(slurm.Requeued, Is.EqualTo("requeue 4242"));
    }

    [Test]
    public void Script_TermToShellAndChildAtOnce_KeepsTheChildsExitCode()
    {
        // Plain scancel signals every process of the job at once. A script that sat in `wait` lost the child's code
        // in about 1 run in 15 (bash 5.2: wait returned -1, the job ended with 255); 40 runs side by side.
        using var slurm = new FakeSlurm("COMPLETING");
        var shells = StartWaitingChildren(slurm, 40);
        foreach (var (shell, child) in shells) Kill(shell.Id, child);
        foreach (var (shell, _) in shells)
        {
            Assert.That(shell.WaitForExit(10_000), Is.True, "a script did not end after TERM");
            Assert.That(shell.ExitCode, Is.EqualTo(75));
        }
    }

    /// <summary>Scripts whose child exits 75 on TERM, each started and waiting; with the child's pid.</summary>
    static List<(Process Shell, int Child)> StartWaitingChildren(FakeSlurm slurm, int count)
    {
        const string child = """
            trap 'exit 75' TERM; echo $$ > "$1.tmp"; mv "$1.tmp" "$1"; while :; do sleep 0.05; done
            """;
        var pidFiles = Enumerable.Range(0, count).Select(i => Path.Combine(slurm.Folder, $"child{i}.pid")).ToList();
        var shells = pidFiles
            .Select(f => slurm.Start(SlurmScript.For(Job("/bin/bash", "-c", child, "child", f))))
            .ToList();
        var watch = Stopwatch.StartNew();
        while (!pidFiles.All(File.Exists))
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(10)) Assert.Fail("the children did not start");
            Thread.Sleep(20);
        }
        return shells.Zip(pidFiles, (shell, f) => (shell, int.Parse(File.ReadAllText(f)))).ToList();
    }

    static void Kill(params int[] pids)
    {
        using var kill = Process.Start("kill", ["-TERM", .. pids.Select(p => p.ToString())]);
        kill.WaitForExit();
    }

    /// <summary>
    /// squeue and scontrol stand-ins first on PATH: squeue prints a fixed state, scontrol records its arguments.
    /// </summary>
    sealed class FakeSlurm : IDisposable
    {
        readonly TempDirectory _dir = new();

        public FakeSlurm(string state)
        {
            Write("squeue", $"#!/bin/sh\necho '{state}'\n");
            Write("scontrol", $"#!/bin/sh\necho \"$*\" > '{_dir.File("scontrol.args")}'\n");
        }

        public string Folder => _dir.Path;

        public string Requeued =>
            File.Exists(_dir.File("scontrol.args")) ? File.ReadAllText(_dir.File("scontrol.args")).Trim() : "";

        public (int Code, string Output, string Errors) Run(string script)
        {
            using var process = Start(script);
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, errors.Result);
        }

        public Process Start(string script)
        {
            var start = new ProcessStartInfo("/bin/bash")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["SLURM_JOB_ID"] = "4242";
            start.Environment["PATH"] = _dir.Path + ":" + start.Environment["PATH"];
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(script);
            var process = Process.Start(start)!;
            process.StandardInput.Close();
            return process;
        }

        public void Dispose() => _dir.Dispose();

        void Write(string name, string text)
        {
            File.WriteAllText(_dir.File(name), text);
            File.SetUnixFileMode(_dir.File(name),
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
