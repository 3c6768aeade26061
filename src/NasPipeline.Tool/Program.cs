return NasPipeline.Tool.NasApp.Run(args);
