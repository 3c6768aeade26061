namespace NasPipeline.Manifest;

/// <summary>
/// [report] factors that turn measured CPU and GPU time into energy and CO₂e, as the Green Algorithms calculator
/// does (Lannelongue, Grealey &amp; Inouye, Adv. Sci. 2021; defaults from its data files): energy = (CPU core-seconds
/// × W per core + GPU-seconds × W per GPU) × PUE, CO₂e = energy × carbon intensity. Defaults: 12 W per core (its
/// "Any" CPU), 200 W per GPU (its "Any" GPU), PUE 1.67 (its default, the Uptime Institute's 2019 global average),
/// 475 g CO₂e/kWh (its world average, IEA 2019). Set them to your hardware, data centre and grid.
/// </summary>
public sealed record FootprintFactors(double WattsPerCpuCore, double WattsPerGpu, double Pue, double GramsCo2ePerKwh)
{
    public static readonly FootprintFactors Default = new(12, 200, 1.67, 475);

    public static FootprintFactors Read(TomlSection s) => new(
        s.Double("watts_per_cpu_core", Default.WattsPerCpuCore, min: 0, max: 1000),
        s.Double("watts_per_gpu", Default.WattsPerGpu, min: 0, max: 5000),
        s.Double("pue", Default.Pue, min: 1, max: 5),
        s.Double("grams_co2e_per_kwh", Default.GramsCo2ePerKwh, min: 0, max: 2000));
}
