using System.IO.Enumeration;
using EdgeDevice.Imaging;

namespace EdgeDevice.Sources;

/// <summary>
/// What an image input argument names: one file, a folder, or a pattern with * and ? in its
/// last segment (e.g. photos/*.png). Folders and patterns list the files with an accepted
/// image extension, skipping hidden files, sorted by name (ordinal, so the order is the same
/// on every machine).
/// </summary>
internal sealed record ImageInput(ImageInputKind Kind, string Argument, IReadOnlyList<string> Files)
{
    private static readonly char[] s_wildcards = ['*', '?'];

    /// <exception cref="FrameSourceException">Nothing exists there, or no image file matches.</exception>
    public static ImageInput Resolve(string pathOrPattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrPattern);

        string fileName = Path.GetFileName(pathOrPattern);
        if (fileName.IndexOfAny(s_wildcards) >= 0)
        {
            return ResolvePattern(pathOrPattern, fileName);
        }

        if (pathOrPattern.IndexOfAny(s_wildcards) >= 0)
        {
            throw new FrameSourceException($"{pathOrPattern}: wildcards (* and ?) are allowed only in the last part of the path.");
        }

        if (Directory.Exists(pathOrPattern))
        {
            IReadOnlyList<string> files = List(pathOrPattern, "*");
            if (files.Count == 0)
            {
                throw new FrameSourceException($"Folder {pathOrPattern} holds no image files ({AcceptedImageFormats.Names}).");
            }

            return new ImageInput(ImageInputKind.Folder, pathOrPattern, files);
        }

        if (File.Exists(pathOrPattern))
        {
            return new ImageInput(ImageInputKind.SingleFile, pathOrPattern, [pathOrPattern]);
        }

        throw new FrameSourceException($"{pathOrPattern} does not exist.");
    }

    private static ImageInput ResolvePattern(string pattern, string fileNamePattern)
    {
        string folder = Path.GetDirectoryName(pattern) ?? string.Empty;
        if (folder.IndexOfAny(s_wildcards) >= 0)
        {
            throw new FrameSourceException($"{pattern}: wildcards (* and ?) are allowed only in the last part of the path.");
        }

        string searchFolder = folder.Length == 0 ? "." : folder;
        if (!Directory.Exists(searchFolder))
        {
            throw new FrameSourceException($"{pattern}: folder {searchFolder} does not exist.");
        }

        IReadOnlyList<string> files = List(folder, fileNamePattern);
        if (files.Count == 0)
        {
            throw new FrameSourceException($"{pattern} matches no image files ({AcceptedImageFormats.Names}).");
        }

        return new ImageInput(ImageInputKind.Pattern, pattern, files);
    }

    private static List<string> List(string folder, string fileNamePattern)
    {
        bool ignoreCase = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();
        var names = new List<string>();
        string searchFolder = folder.Length == 0 ? "." : folder;
        IEnumerable<string> files;
        try
        {
            files = Directory.GetFiles(searchFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FrameSourceException($"Folder {searchFolder} could not be listed ({e.Message.TrimEnd('.')}).", e);
        }

        foreach (string file in files)
        {
            string name = Path.GetFileName(file);
            if (name.StartsWith('.')
                || !AcceptedImageFormats.HasAcceptedExtension(name)
                || !FileSystemName.MatchesSimpleExpression(fileNamePattern, name, ignoreCase))
            {
                continue;
            }

            names.Add(name);
        }

        names.Sort(StringComparer.Ordinal);
        return names.ConvertAll(name => folder.Length == 0 ? name : Path.Combine(folder, name));
    }
}
