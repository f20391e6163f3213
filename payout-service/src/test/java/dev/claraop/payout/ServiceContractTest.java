package dev.claraop.payout;

import dev.claraop.test.ServiceContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

class ServiceContractTest extends PayoutIntegrationTest implements ServiceContract {

  @Autowired MockMvc http;

  @Override
  public MockMvc http() {
    return http;
  }

  @Override
  public String application() {
    return "payout-service";
  }
}
