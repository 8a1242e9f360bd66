package io.collectflow.complaint.intake;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.collectflow.complaint.ComplaintSubmission;
import io.collectflow.complaint.IntakeChannel;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Turns a received e-mail into a complaint submission: sender name and address, a loan number found in the
 * subject or text, subject and plain text (HTML mails are reduced to their text). Message-ID de-duplicates.
 */
class MailComplaintReader {

    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1>");

    private final Pattern loanNo;
    private final int maxText;

    MailComplaintReader(String loanNoPattern, int maxText) {
        this.loanNo = Pattern.compile(loanNoPattern);
        this.maxText = maxText;
    }

    ComplaintSubmission read(Message message) throws MessagingException, IOException {
        Address[] from = message.getFrom();
        String email = null;
        String name = null;
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress address) {
            email = address.getAddress();
            name = address.getPersonal();
        }
        if ((name == null || name.isBlank()) && email != null) {
            name = email.substring(0, Math.max(1, email.indexOf('@')));
        }
        String subject = message.getSubject() == null ? "" : message.getSubject().strip();
        String body = text(message).strip();
        String text = (subject.isEmpty() ? "" : "Subject: " + subject + "\n\n") + body;
        if (text.length() > maxText) {
            String marker = "\n[... shortened, the full mail is in the complaints mailbox]";
            text = text.substring(0, maxText - marker.length()) + marker;
        }
        String ref = message instanceof MimeMessage mime ? mime.getMessageID() : null;
        return new ComplaintSubmission(IntakeChannel.EMAIL, name, null, email, findLoanNo(subject + "\n" + body), null,
            text, ref == null ? null : "mail:" + ref);
    }

    String findLoanNo(String text) {
        Matcher m = loanNo.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("text/html")) {
            String html = SCRIPT.matcher(String.valueOf(part.getContent())).replaceAll(" ");
            return TAGS.matcher(html).replaceAll(" ").replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&").replaceAll("[ \\t]+", " ");
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
                    continue;
                }
                if (child.isMimeType("text/plain") || child.isMimeType("multipart/*")) {
                    String text = text(child);
                    if (!text.isBlank()) {
                        return text;
                    }
                } else if (child.isMimeType("text/html") && html == null) {
                    html = text(child);
                }
            }
            return html == null ? "" : html;
        }
        return "";
    }
}
