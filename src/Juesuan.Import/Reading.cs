namespace Juesuan.Import;

/// <summary>
/// How many reports this process is reading now, as text or from a PDF's words: a PDF read while nothing else is being
/// read has its pages read on several threads (issue 19), one read beside others on one — a batch's workers already keep
/// the cores busy, and reading a document twice over costs them.
/// </summary>
internal static class Reading
{
    private static int _count;

    /// <summary>Reports being read now, this one included when called inside <see cref="Enter"/>.</summary>
    public static int Count => Volatile.Read(ref _count);

    /// <summary>Counts a read until the returned scope is disposed.</summary>
    public static Scope Enter()
    {
        Interlocked.Increment(ref _count);
        return new Scope(true);
    }

    /// <summary>One read counted by <see cref="Enter"/>.</summary>
    public readonly struct Scope(bool entered) : IDisposable
    {
        /// <summary>Ends the read.</summary>
        public void Dispose()
        {
            if (entered)
            {
                Interlocked.Decrement(ref _count);
            }
        }
    }
}
