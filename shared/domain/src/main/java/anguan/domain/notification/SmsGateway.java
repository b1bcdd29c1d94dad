package anguan.domain.notification;

/** Port: sends one SMS (SNS). */
public interface SmsGateway {
    void send(String mobile, String text);
}
