package dev.claraop.access;

import dev.claraop.test.Infrastructure;
import dev.claraop.test.ServiceContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

@SpringBootTest(properties = Infrastructure.PROMETHEUS_EXPORT + "=true")
@AutoConfigureMockMvc
class ServiceContractTest implements ServiceContract {}
