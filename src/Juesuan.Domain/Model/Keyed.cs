namespace Juesuan.Domain.Model;

/// <summary>
/// The first item of a list with a given key, by a loop: rules ask for cells, rows and tables thousands of times an
/// audit, and a query's closure over the key was an allocation each time (the key selector here is static, made once).
/// </summary>
internal static class Keyed
{
    public static T? Find<T>(IReadOnlyList<T> items, Func<T, string> key, string wanted)
        where T : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (key(items[i]) == wanted)
            {
                return items[i];
            }
        }

        return null;
    }
}
