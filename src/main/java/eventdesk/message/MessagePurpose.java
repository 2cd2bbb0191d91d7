package eventdesk.message;

/**
 * Why a group message is sent: {@code TRANSACTIONAL} (about the event the person signed up for; every
 * recipient of its group) or {@code PROMOTIONAL} (advertising: only people whose marketing consent stands,
 * with the marks the law asks for). Every other mail eventdesk sends is transactional.
 */
public enum MessagePurpose {
    TRANSACTIONAL, PROMOTIONAL
}
