package dev.claraop.access;

import dev.claraop.test.Infrastructure;
import dev.claraop.test.ServiceContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = Infrastructure.PROMETHEUS_EXPORT + "=true")
@AutoConfigureMockMvc
class ServiceContractTest implements ServiceContract {

  @Autowired MockMvc http;

  @Override
  public MockMvc http() {
    return http;
  }

  @Override
  public String application() {
    return "support-access-service";
  }
}
