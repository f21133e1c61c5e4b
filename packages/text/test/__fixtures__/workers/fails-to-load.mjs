// A worker whose module throws while it loads: the pool must report a failure to start.
throw new Error('this worker cannot load');
