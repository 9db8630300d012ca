// One scenario at a time: each runs a broker node, a database server and four services on a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
