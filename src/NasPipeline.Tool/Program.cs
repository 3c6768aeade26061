// An exception on another thread cannot be caught by NasApp.Guard; it still ends in one line, a log and exit 1.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    NasPipeline.Tool.NasApp.Crashed(e.ExceptionObject as Exception ?? new Exception(e.ExceptionObject.ToString()));
    Environment.Exit(NasPipeline.Tool.ExitCodes.Failed);
};
NasPipeline.Tool.StopSignals.Install();
return NasPipeline.Tool.NasApp.Run(args);
