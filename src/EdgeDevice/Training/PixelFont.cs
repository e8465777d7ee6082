using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace EdgeDevice.Training;

/// <summary>
/// A 3x5 pixel font (capitals, digits and a few signs) for the labels of the loss plot.
/// The plot is drawn with ImageSharp 2 alone, which has no text rendering, and a font file
/// would make the picture depend on what the machine has installed.
/// </summary>
internal static class PixelFont
{
    public const int GlyphWidth = 3;
    public const int GlyphHeight = 5;

    private static readonly Dictionary<char, string[]> Glyphs = new()
    {
        ['0'] = ["###", "#.#", "#.#", "#.#", "###"],
        ['1'] = [".#.", "##.", ".#.", ".#.", "###"],
        ['2'] = ["###", "..#", "###", "#..", "###"],
        ['3'] = ["###", "..#", ".##", "..#", "###"],
        ['4'] = ["#.#", "#.#", "###", "..#", "..#"],
        ['5'] = ["###", "#..", "###", "..#", "###"],
        ['6'] = ["###", "#..", "###", "#.#", "###"],
        ['7'] = ["###", "..#", "..#", ".#.", ".#."],
        ['8'] = ["###", "#.#", "###", "#.#", "###"],
        ['9'] = ["###", "#.#", "###", "..#", "###"],
        ['A'] = [".#.", "#.#", "###", "#.#", "#.#"],
        ['B'] = ["##.", "#.#", "##.", "#.#", "##."],
        ['C'] = [".##", "#..", "#..", "#..", ".##"],
        ['D'] = ["##.", "#.#", "#.#", "#.#", "##."],
        ['E'] = ["###", "#..", "##.", "#..", "###"],
        ['F'] = ["###", "#..", "##.", "#..", "#.."],
        ['G'] = [".##", "#..", "#.#", "#.#", ".##"],
        ['H'] = ["#.#", "#.#", "###", "#.#", "#.#"],
        ['I'] = ["###", ".#.", ".#.", ".#.", "###"],
        ['J'] = ["..#", "..#", "..#", "#.#", ".#."],
        ['K'] = ["#.#", "#.#", "##.", "#.#", "#.#"],
        ['L'] = ["#..", "#..", "#..", "#..", "###"],
        ['M'] = ["#.#", "###", "###", "#.#", "#.#"],
        ['N'] = ["##.", "#.#", "#.#", "#.#", "#.#"],
        ['O'] = [".#.", "#.#", "#.#", "#.#", ".#."],
        ['P'] = ["##.", "#.#", "##.", "#..", "#.."],
        ['Q'] = [".#.", "#.#", "#.#", "##.", ".##"],
        ['R'] = ["##.", "#.#", "##.", "#.#", "#.#"],
        ['S'] = [".##", "#..", ".#.", "..#", "##."],
        ['T'] = ["###", ".#.", ".#.", ".#.", ".#."],
        ['U'] = ["#.#", "#.#", "#.#", "#.#", "###"],
        ['V'] = ["#.#", "#.#", "#.#", "#.#", ".#."],
        ['W'] = ["#.#", "#.#", "###", "###", "#.#"],
        ['X'] = ["#.#", "#.#", ".#.", "#.#", "#.#"],
        ['Y'] = ["#.#", "#.#", ".#.", ".#.", ".#."],
        ['Z'] = ["###", "..#", ".#.", "#..", "###"],
        ['.'] = ["...", "...", "...", "...", ".#."],
        [','] = ["...", "...", "...", ".#.", "#.."],
        [':'] = ["...", ".#.", "...", ".#.", "..."],
        ['-'] = ["...", "...", "###", "...", "..."],
        ['+'] = ["...", ".#.", "###", ".#.", "..."],
        ['='] = ["...", "###", "...", "###", "..."],
        ['('] = [".#.", "#..", "#..", "#..", ".#."],
        [')'] = [".#.", "..#", "..#", "..#", ".#."],
        ['/'] = ["..#", "..#", ".#.", "#..", "#.."],
        [' '] = ["...", "...", "...", "...", "..."],
    };

    /// <summary>Width in pixels of <paramref name="text"/> at <paramref name="scale"/> (one blank column between glyphs).</summary>
    public static int Measure(string text, int scale) => text.Length == 0 ? 0 : ((text.Length * (GlyphWidth + 1)) - 1) * scale;

    /// <summary>Draws <paramref name="text"/> with its top-left corner at (x, y); unknown characters draw as '?' boxes.</summary>
    public static void Draw(Image<Rgb24> image, string text, int x, int y, int scale, Rgb24 color)
    {
        foreach (char raw in text)
        {
            char ch = char.ToUpperInvariant(raw);
            string[] glyph = Glyphs.TryGetValue(ch, out string[]? g) ? g : ["###", "#.#", "#.#", "#.#", "###"];
            for (int gy = 0; gy < GlyphHeight; gy++)
            {
                for (int gx = 0; gx < GlyphWidth; gx++)
                {
                    if (glyph[gy][gx] == '#')
                    {
                        FillBlock(image, x + (gx * scale), y + (gy * scale), scale, color);
                    }
                }
            }

            x += (GlyphWidth + 1) * scale;
        }
    }

    private static void FillBlock(Image<Rgb24> image, int x, int y, int size, Rgb24 color)
    {
        for (int dy = 0; dy < size; dy++)
        {
            for (int dx = 0; dx < size; dx++)
            {
                int px = x + dx, py = y + dy;
                if (px >= 0 && py >= 0 && px < image.Width && py < image.Height)
                {
                    image[px, py] = color;
                }
            }
        }
    }
}
