using GraphQL.DataLoader;

namespace Vape.BuildingBlocks.GraphQL;

/// <summary>
/// Collects the keys that resolvers of one request ask for and fetches them in one round trip when GraphQL.NET
/// asks for the first result, so a list of N items costs one query, not N. One instance per request and loader
/// (see <see cref="BatchLoaders"/>); results are cached for the rest of the request.
/// </summary>
public sealed class BatchLoader<TKey, TValue> where TKey : notnull
{
    private readonly Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _fetch;
    private readonly HashSet<TKey> _pending = [];
    private readonly Dictionary<TKey, TValue?> _loaded = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public BatchLoader(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch) => _fetch = fetch;

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_pending)
        {
            if (!_loaded.ContainsKey(key)) _pending.Add(key);
        }
        return new Result(this, key);
    }

    private async Task<TValue?> GetAsync(TKey key, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            TKey[] keys;
            lock (_pending)
            {
                if (_loaded.TryGetValue(key, out var cached)) return cached;
                keys = [.. _pending];
                _pending.Clear();
            }
            if (keys.Length > 0)
            {
                var found = await _fetch(keys, ct);
                lock (_pending)
                {
                    foreach (var k in keys) _loaded[k] = found.TryGetValue(k, out var v) ? v : default;
                }
            }
            lock (_pending)
            {
                return _loaded.TryGetValue(key, out var value) ? value : default;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}

/// <summary>The loaders of one GraphQL request, by name. Scoped: a request never sees another's cache.</summary>
public sealed class BatchLoaders(IServiceProvider services)
{
    private readonly Dictionary<string, object> _loaders = [];

    /// <summary>
    /// The loader `name`, fetching with the request's services. Use this form, never a fetch that captures a resolver's
    /// `IResolveFieldContext`: GraphQL.NET pools those contexts, so by the time the batch runs the captured one may be
    /// reset (its `RequestServices` null: a NullReferenceException now and then under load).
    /// </summary>
    public BatchLoader<TKey, TValue> Get<TKey, TValue>(string name,
        Func<IServiceProvider, IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch) where TKey : notnull =>
        Get<TKey, TValue>(name, (ids, ct) => fetch(services, ids, ct));

    public BatchLoader<TKey, TValue> Get<TKey, TValue>(string name,
        Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch) where TKey : notnull
    {
        lock (_loaders)
        {
            if (!_loaders.TryGetValue(name, out var loader))
                _loaders[name] = loader = new BatchLoader<TKey, TValue>(fetch);
            return (BatchLoader<TKey, TValue>)loader;
        }
    }
}
