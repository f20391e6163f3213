package dev.claraop.access.publicform;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A sales or support enquiry from the public site. Kept apart from security reports, which sales and support never see. */
@Document("contact_messages")
record ContactMessage(@Id String reference, String email, ContactForm.Topic topic, String message, Instant receivedAt) {}
