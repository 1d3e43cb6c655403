using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Site.Benchmarks.SearchDataCost).Assembly).Run(args);
