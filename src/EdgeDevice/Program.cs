// Minimal entry point; the CLI (System.CommandLine verbs) replaces it.
Console.WriteLine("EdgeDevice");
