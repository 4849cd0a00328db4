// Each collection starts a server and a browser; on a small machine one at a time is enough.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
