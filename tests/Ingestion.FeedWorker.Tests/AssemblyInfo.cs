// Each test runs real hosts, a broker vhost and a database; one at a time keeps a 2-core CI machine responsive
// and lets the metrics test read the process-wide gauge without another host writing it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
