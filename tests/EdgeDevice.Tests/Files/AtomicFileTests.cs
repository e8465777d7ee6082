using EdgeDevice.Files;
using EdgeDevice.Tests.Support;

namespace EdgeDevice.Tests.Files;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_committed_write_replaces_the_target_and_leaves_no_temporary_file()
    {
        string path = _folder.Write("a.txt", "old");

        AtomicFile.Write(path, s => s.Write("new"u8));

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["a.txt"], Directory.GetFileSystemEntries(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_writer_disposed_without_commit_leaves_the_old_file_and_no_temporary_file()
    {
        string path = _folder.Write("a.txt", "old");

        using (AtomicFileWriter writer = AtomicFile.Begin(path))
        {
            writer.Stream.Write("half of the new cont"u8);
            writer.Stream.Flush();
            Assert.Equal(2, Directory.GetFiles(_folder.Path).Length);
        }

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["a.txt"], Directory.GetFileSystemEntries(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_missing_folder_is_created_unless_the_caller_says_not_to()
    {
        string refused = Path.Combine(_folder.Path, "missing", "a.txt");
        Assert.ThrowsAny<IOException>(() => AtomicFile.Write(refused, s => s.WriteByte(1), createFolder: false));
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Path));

        AtomicFile.Write(refused, s => s.WriteByte(1));
        Assert.Equal([1], File.ReadAllBytes(refused));
    }

    [Fact]
    public void A_commit_after_commit_is_refused()
    {
        using AtomicFileWriter writer = AtomicFile.Begin(_folder.File("a.txt"));
        writer.Commit();

        Assert.Throws<ObjectDisposedException>(writer.Commit);
    }
}
