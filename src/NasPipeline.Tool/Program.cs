NasPipeline.Tool.StopSignals.Install();
return NasPipeline.Tool.NasApp.Run(args);
