package dev.claraop.access.publicform;

import dev.claraop.platform.web.Page;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The two anonymous forms (see PublicFormRoutes), and the security-triage read of what the second one received. */
@RestController
class PublicFormController {

  private final PublicForms forms;

  PublicFormController(PublicForms forms) {
    this.forms = forms;
  }

  @PostMapping(PublicFormRoutes.CONTACT)
  @ResponseStatus(HttpStatus.ACCEPTED)
  FormReceipt contact(@Valid @RequestBody ContactForm form) {
    return forms.contact(form);
  }

  @PostMapping(PublicFormRoutes.SECURITY_REPORT)
  @ResponseStatus(HttpStatus.ACCEPTED)
  FormReceipt securityReport(@Valid @RequestBody SecurityReportForm form) {
    return forms.securityReport(form);
  }

  @GetMapping("/api/support-access/security-reports")
  @PreAuthorize("hasRole('SECURITY_TRIAGE')")
  Page<SecurityReportView> securityReports() {
    return Page.last(forms.securityReports(200));
  }
}
