using System.Globalization;

namespace NasPipeline.Reporting;

/// <summary>Every number the report prints is formatted here, invariant culture, "–" for nothing to show.</summary>
public static class Format
{
    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public const string None = "–";

    public static string Fixed(double? value, int decimals) =>
        value is { } v && double.IsFinite(v) ? v.ToString("F" + decimals, Invariant) : None;

    /// <summary>A signed difference, e.g. "+1.06" or "−0.40" (typographic minus).</summary>
    public static string Signed(double value, int decimals) =>
        !double.IsFinite(value) ? None
        : (value >= 0 ? "+" : "−") + Math.Abs(value).ToString("F" + decimals, Invariant);

    /// <summary>p-values: three decimals, "&lt; 0.001" below that.</summary>
    public static string P(double p) =>
        double.IsNaN(p) ? None : p < 0.001 ? "< 0.001" : p.ToString("F3", Invariant);

    public static string Seconds(double seconds) => seconds.ToString("F1", Invariant);

    public static string Count(double value) => value.ToString("N0", Invariant);

    /// <summary>
    /// Amounts as a paper writes them: "25,400" for many, "0.42" for few, two significant digits below 0.01.
    /// </summary>
    public static string Hours(double hours) =>
        hours >= 100 ? hours.ToString("N0", Invariant) : hours >= 10 ? hours.ToString("F1", Invariant)
        : hours >= 0.01 || hours == 0 ? hours.ToString("F2", Invariant) : hours.ToString("G2", Invariant);

    /// <summary>Energy in Wh, kWh or MWh.</summary>
    public static string Energy(double kilowattHours) =>
        kilowattHours >= 1000 ? $"{Hours(kilowattHours / 1000)} MWh"
        : kilowattHours >= 1 ? $"{Hours(kilowattHours)} kWh" : $"{Hours(kilowattHours * 1000)} Wh";

    /// <summary>CO₂e in g, kg or t.</summary>
    public static string Co2e(double grams) =>
        grams >= 1e6 ? $"{Hours(grams / 1e6)} t CO₂e" : grams >= 1000 ? $"{Hours(grams / 1000)} kg CO₂e"
        : $"{Hours(grams)} g CO₂e";
}
