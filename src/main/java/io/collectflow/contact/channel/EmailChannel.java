package io.collectflow.contact.channel;

import java.util.Set;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.util.HtmlUtils;

import io.collectflow.contact.Channel;
import io.collectflow.contact.template.RenderedMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mail over SMTP: plain text and HTML alternatives; the HTML shows the repayment link and a QR code of it
 * (inline PNG, {@code cid:repayment-qr}).
 */
public class EmailChannel implements ContactChannel {

    static final String QR_CONTENT_ID = "repayment-qr";

    private final JavaMailSender mailSender;
    private final String from;

    public EmailChannel(JavaMailSender mailSender, String from) {
        this.mailSender = mailSender;
        this.from = from;
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.EMAIL);
    }

    @Override
    public SendReceipt send(RenderedMessage message, String deliveryReference) {
        try {
            MimeMessage mime = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
            helper.setFrom(from);
            helper.setTo(message.recipient());
            helper.setSubject(message.subject() == null ? message.loanNo() : message.subject());
            helper.setText(message.text(), html(message));
            helper.addInline(QR_CONTENT_ID, new ByteArrayResource(QrCodes.png(message.repaymentLink(), 240)), "image/png");
            mailSender.send(mime);
            return new SendReceipt(mime.getMessageID());
        } catch (MessagingException | MailException e) {
            throw new DeliveryException("e-mail to the borrower of loan " + message.loanNo() + " failed: " + e.getMessage(), e);
        }
    }

    private static String html(RenderedMessage message) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(message.language())
            .append("\"><head><meta charset=\"UTF-8\"></head><body style=\"font-family:sans-serif\">");
        for (String line : message.text().split("\n")) {
            html.append("<p>").append(HtmlUtils.htmlEscape(line)).append("</p>");
        }
        String link = HtmlUtils.htmlEscape(message.repaymentLink());
        html.append("<p><a href=\"").append(link).append("\">").append(link).append("</a></p>")
            .append("<p><img src=\"cid:").append(QR_CONTENT_ID).append("\" alt=\"QR code: ").append(link)
            .append("\" width=\"240\" height=\"240\"></p></body></html>");
        return html.toString();
    }
}
