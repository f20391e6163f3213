package dev.claraop.ingest;

import dev.claraop.test.ServiceContract;

class ServiceContractTest extends IngestIntegrationTest implements ServiceContract {}
