using System.Runtime.Versioning;

// The deploy targets Linux devices and the tests drive Linux tools (sshd, qemu-user, namespaces).
[assembly: SupportedOSPlatform("linux")]
