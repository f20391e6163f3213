package dev.claraop.identity.demo;

import dev.claraop.events.Actor;
import dev.claraop.identity.pod.PodChanges;
import dev.claraop.identity.pod.PodRequest;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * DEV ONLY: the demo tenant's pod {@code pod-a}, managed by manager@demo with creator1@demo in it
 * (creator2@demo is in no pod). Enabled by {@code claraop.demo.enabled=true}, which only the devstack sets;
 * made once, never overwritten. User ids are the fixed ones of infra/keycloak/realm/claraop-realm.json.
 */
@Component
@ConditionalOnProperty(name = "claraop.demo.enabled", havingValue = "true")
class DemoPods implements ApplicationRunner {

  private final PodChanges pods;

  DemoPods(PodChanges pods) {
    this.pods = pods;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (pods.exists("demo", "pod-a")) return;
    pods.seed("demo", "pod-a", new PodRequest("Pod A", "11111111-0000-4000-8000-000000000003",
        List.of("11111111-0000-4000-8000-000000000004")), Actor.system("demo-seed"));
  }
}
