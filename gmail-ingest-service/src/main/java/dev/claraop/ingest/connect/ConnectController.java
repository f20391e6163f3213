package dev.claraop.ingest.connect;

import dev.claraop.ingest.mailbox.Mailbox;
import dev.claraop.platform.security.ClaraPrincipal;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Starting a connection (ADMIN, MANAGER) and Google's redirect back (no bearer token: the state authenticates). */
@RestController
class ConnectController {

  static final String CALLBACK = "/api/inbox/oauth/callback";
  private final Consents consents;

  ConnectController(Consents consents) {
    this.consents = consents;
  }

  @PostMapping("/api/inbox/connect")
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
  Map<String, String> connect(ClaraPrincipal caller) {
    return Map.of("authorizationUrl", consents.start(caller).toString());
  }

  @GetMapping(CALLBACK)
  ResponseEntity<Void> callback(@RequestParam(required = false) String state, @RequestParam(required = false) String code,
      @RequestParam(required = false) String error) {
    Mailbox mailbox = consents.complete(state, code, error);
    URI back = UriComponentsBuilder.fromUri(consents.appUri()).queryParam("connected", mailbox.id()).build().toUri();
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(back).build();
  }
}
