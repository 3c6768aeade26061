// Runs the NUnit suite and prints one "N passed, N failed" line from the TRX results for CI logs.

void RunTests(BuildContext c)
{
    var results = $"{c.Root}/TestResults";
    if (DirectoryExists(results)) DeleteDirectory(results, new DeleteDirectorySettings { Recursive = true, Force = true });
    Exception failure = null;
    try
    {
        DotNetTest($"{c.Root}/NasPipeline.sln", new DotNetTestSettings
        {
            Configuration = c.Configuration,
            Loggers = { "trx;LogFileName=tests.trx", "console;verbosity=normal" },
            ResultsDirectory = results,
            NoLogo = true,
        });
    }
    catch (Exception e) { failure = e; }

    var trx = $"{results}/tests.trx";
    if (FileExists(trx))
    {
        var counters = System.Xml.Linq.XDocument.Load(trx).Descendants().First(e => e.Name.LocalName == "Counters");
        string Count(string name) => counters.Attribute(name)?.Value ?? "0";
        var skipped = int.Parse(Count("total")) - int.Parse(Count("executed"));
        // Plain Console: Cake's logger colours numbers, and CI reads this line as text.
        Console.WriteLine($"{Count("passed")} passed, {Count("failed")} failed, {skipped} skipped");
    }
    if (failure != null) throw failure;
}
