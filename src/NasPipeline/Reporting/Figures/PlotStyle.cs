using ScottPlot;

namespace NasPipeline.Reporting.Figures;

/// <summary>
/// The report's plot style. ScottPlot draws text with the system's fonts and on Linux picks a serif face by
/// default; without any font installed all text silently disappears, so the set-up installs fonts-dejavu-core
/// (<c>.ci/run</c>, <c>build.sh</c>) and the figures ask for DejaVu Sans when it is there.
/// </summary>
public static class PlotStyle
{
    public const string Font = "DejaVu Sans";

    /// <summary>Tableau 10: distinguishable, and readable in grey.</summary>
    public static readonly Color[] Palette = new ScottPlot.Palettes.Category10().Colors;

    static bool _applied;

    public static void Apply()
    {
        if (_applied) return;
        if (Fonts.GetTypeface(Font, false, false)?.FamilyName == Font) Fonts.Default = Font;
        _applied = true;
    }

    /// <summary>True when the font the figures are drawn with exists on this machine.</summary>
    public static bool FontInstalled => Fonts.GetTypeface(Font, false, false)?.FamilyName == Font;

    public static Color Colour(int index) => Palette[index % Palette.Length];

    /// <summary>Sets a plottable's properties inline, where ScottPlot's Add.* returns the item to style.</summary>
    public static T Configure<T>(this T item, Action<T> configure)
    {
        configure(item);
        return item;
    }
}
