package eventdesk.event;

/** draft is hidden from the public; cancelled is shown as cancelled and takes no sign-ups. */
public enum EventStatus {
    draft, published, cancelled
}
