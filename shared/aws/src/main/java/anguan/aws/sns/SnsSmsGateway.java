package anguan.aws.sns;

import anguan.domain.notification.SmsGateway;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Sends an SMS with SNS {@code Publish} to a phone number: E.164 ({@code +86} and the 11-digit
 * mobile) and Transactional, the type SNS delivers first and for codes. The text may hold a
 * signing code and SNS's own error messages may quote the number, so a failure is rethrown with
 * neither, only SNS's status and error code.
 */
public final class SnsSmsGateway implements SmsGateway {
    private static final Map<String, MessageAttributeValue> TRANSACTIONAL = Map.of("AWS.SNS.SMS.SMSType",
            MessageAttributeValue.builder().dataType("String").stringValue("Transactional").build());

    private final SnsClient sns;

    public SnsSmsGateway(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public void send(String mobile, String text) {
        try {
            sns.publish(r -> r.phoneNumber(e164(mobile)).message(text).messageAttributes(TRANSACTIONAL));
        } catch (SdkException e) {
            throw new SmsNotSent(e);
        }
    }

    /** A mainland mobile ({@code 13912345678}) as E.164 ({@code +8613912345678}); a number already in E.164 stays. */
    static String e164(String mobile) {
        String number = mobile.strip();
        return number.startsWith("+") ? number : "+86" + number;
    }

    /** SNS refused or could not be reached; the message names neither the number nor the text. */
    public static final class SmsNotSent extends RuntimeException {
        SmsNotSent(SdkException cause) {
            super("SNS did not send the SMS: " + describe(cause), null, false, false);
        }

        private static String describe(SdkException e) {
            if (e instanceof AwsServiceException service) {
                return service.statusCode() + " " + (service.awsErrorDetails() == null ? "" : service.awsErrorDetails().errorCode());
            }
            return e.getClass().getSimpleName();
        }
    }
}
