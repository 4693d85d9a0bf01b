namespace Juesuan.Import;

/// <summary>
/// What this process is reading now, so a PDF's pages are read on several threads only when nothing else wants the cores
/// (issue 19): the reports being read (a text, or a PDF from its pages to its report) and the batches running (a batch's
/// workers keep the cores busy between their reads too — auditing, locating findings, writing).
/// </summary>
internal static class Reading
{
    private static int _reports;
    private static int _batches;

    /// <summary>Reports being read now, this one included when called inside <see cref="Enter"/>.</summary>
    public static int Reports => Volatile.Read(ref _reports);

    /// <summary>Batches running now (<see cref="Importer.Batch"/>).</summary>
    public static int Batches => Volatile.Read(ref _batches);

    /// <summary>Counts a report's read until the returned scope is disposed.</summary>
    public static Scope Enter()
    {
        Interlocked.Increment(ref _reports);
        return new Scope(() => Interlocked.Decrement(ref _reports));
    }

    /// <summary>Counts a batch until the returned scope is disposed.</summary>
    public static Scope EnterBatch()
    {
        Interlocked.Increment(ref _batches);
        return new Scope(() => Interlocked.Decrement(ref _batches));
    }

    /// <summary>
    /// The threads to read a PDF of <paramref name="pages"/> pages on, while <paramref name="reports"/> reports (this one
    /// included) are being read and <paramref name="batches"/> batches run: up to <paramref name="most"/> when it is
    /// read alone and outside any batch, with at least <paramref name="pagesPerThread"/> pages a thread; else one.
    /// </summary>
    public static int PageThreads(int pages, int reports, int batches, int most, int pagesPerThread) =>
        reports <= 1 && batches == 0 ? Math.Max(1, Math.Min(most, pages / pagesPerThread)) : 1;

    /// <summary>One read or batch counted until disposed.</summary>
    public sealed class Scope(Action end) : IDisposable
    {
        private Action? _end = end;

        /// <summary>Ends it (once).</summary>
        public void Dispose() => Interlocked.Exchange(ref _end, null)?.Invoke();
    }
}
