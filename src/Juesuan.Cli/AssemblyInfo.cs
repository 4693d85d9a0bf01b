[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Juesuan.Cli.Tests")]
