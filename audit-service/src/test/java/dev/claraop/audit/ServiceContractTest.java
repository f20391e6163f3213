package dev.claraop.audit;

import dev.claraop.test.ServiceContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

class ServiceContractTest extends AuditIntegrationTest implements ServiceContract {

  @Autowired MockMvc http;

  @Override
  public MockMvc http() {
    return http;
  }

  @Override
  public String application() {
    return "audit-service";
  }
}
