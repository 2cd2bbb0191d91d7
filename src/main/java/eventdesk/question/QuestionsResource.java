package eventdesk.question;

import eventdesk.team.Role;
import eventdesk.team.Needs;
import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.event.Event;
import eventdesk.event.Question;
import eventdesk.event.QuestionType;
import eventdesk.team.Caller;
import eventdesk.web.FormPage;
import eventdesk.web.InvalidInput;
import eventdesk.web.Lang;
import eventdesk.web.Msg;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An event's custom questions for organizers, without JavaScript: one small form per question (wording
 * in both languages, choices as lines {@code key|English|한국어}), a remove button, and a form to add one.
 * Every change goes through {@link QuestionEditor}; a refused one shows the page again with 422 and the
 * errors next to that question's fields ({@link #formAgain}), a saved one is 303 back to the page.
 */
@Needs(Role.MANAGER)
@Path("/admin/events/{slug}/questions")
@Produces(MediaType.TEXT_HTML)
public class QuestionsResource implements FormPage {

    @Inject
    QuestionEditor editor;
    @Inject
    Lang lang;
    @Inject
    Clock clock;
    @Inject
    Caller caller;

    /** The event as the page heads it; {@code answered}: people signed up, so keys and types are fixed. */
    public record Head(String slug, String title, boolean answered) {
    }

    /** One question's form: {@code id} prefixes its fields' ids; errors (field → text) only for the one just refused. */
    public record Form(String id, QuestionInput in, Map<String, String> errors) {
        /** The id of one of this form's fields. */
        public String fid(String field) {
            return id + "-" + field;
        }
    }

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance list(Head e, List<Form> questions, List<QuestionInput> removed, Form add,
                                                   Map<String, String> summary, String done, QuestionType[] types);
    }

    @GET
    @Transactional
    public TemplateInstance list(@PathParam("slug") String slug, @QueryParam("done") String done) {
        return lang.page(page(slug, null, null, Map.of(), done));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        QuestionInput in = QuestionInput.fromForm(form);
        editor.add(slug, in, Instant.now(clock), edit("add question " + in.key));
        return back(slug, "added");
    }

    @POST
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("slug") String slug, @PathParam("key") String key,
                           MultivaluedMap<String, String> form) {
        editor.update(slug, key, QuestionInput.fromForm(form), edit("update question " + key));
        return back(slug, "saved");
    }

    @POST
    @Path("{key}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("slug") String slug, @PathParam("key") String key) {
        editor.remove(slug, key, Instant.now(clock), edit("remove question " + key));
        return back(slug, "removed");
    }

    @POST
    @Path("{key}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response restore(@PathParam("slug") String slug, @PathParam("key") String key) {
        editor.restore(slug, key, edit("restore question " + key));
        return back(slug, "restored");
    }

    /** The page again after a refused question: what was typed into that question's form, each error next to its field. */
    @Override
    public Optional<TemplateInstance> formAgain(InvalidInput refused) {
        if (!(refused instanceof QuestionEditor.Invalid invalid) || invalid.typed == null) return Optional.empty();
        return Optional.of(QuarkusTransaction.requiringNew().call(() ->
                page(invalid.slug, invalid.typed, invalid.editing, errors(invalid.problems), "")));
    }

    /**
     * The page; {@code input} is what was typed into the question {@code editing} ("" for the add form)
     * and is shown instead of what is stored, with {@code errors} (field → text) next to its fields.
     */
    private TemplateInstance page(String slug, QuestionInput input, String editing, Map<String, String> errors,
                                  String done) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        List<Question> all = Question.all(e);
        List<Form> active = all.stream().filter(q -> !q.isRemoved())
                .map(q -> q.key.equals(editing) ? new Form("q-" + q.key, input, errors)
                        : new Form("q-" + q.key, QuestionInput.of(q), Map.of())).toList();
        List<QuestionInput> removed = all.stream().filter(Question::isRemoved).map(QuestionInput::of).toList();
        Form add = "".equals(editing) ? new Form("new", input, errors) : new Form("new", blank(active.size()), Map.of());
        Map<String, String> summary = new LinkedHashMap<>();
        String prefix = "".equals(editing) ? "new" : "q-" + editing;
        errors.forEach((field, text) -> summary.put(prefix + "-" + field, text));
        return Templates.list(new Head(e.slug, e.title(lang.locale()), QuestionEditor.answered(e)), active, removed, add,
                summary, done == null ? "" : done, QuestionType.values());
    }

    /** The access log entry of this organizer's change to the questions. */
    private AccessLog.Entry edit(String what) {
        return caller.entry(AccessAction.EDIT_EVENT).because(what);
    }

    private static QuestionInput blank(int next) {
        QuestionInput in = new QuestionInput();
        in.type = QuestionType.TEXT.name();
        in.required = false;
        in.sortOrder = next;
        return in;
    }

    private Map<String, String> errors(Map<String, String> problems) {
        Msg msg = lang.msg();
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach((field, code) -> errors.put(field, switch (code) {
            case "question_key" -> msg.error_question_key();
            case "question_key_taken" -> msg.error_question_key_taken();
            case "question_type_locked" -> msg.error_question_type_locked();
            case "question_choices" -> msg.error_question_choices();
            case "question_ticket_types" -> msg.error_question_ticket_types();
            case "question_too_many" -> msg.error_question_too_many(Question.MAX_QUESTIONS);
            case "required" -> msg.error_required();
            case "too_long" -> msg.error_too_long();
            case "invalid_chars" -> msg.error_control_chars();
            default -> msg.error_invalid_choice();
        }));
        return errors;
    }

    private static Response back(String slug, String done) {
        return Response.seeOther(UriBuilder.fromPath("/admin/events/{slug}/questions").queryParam("done", done).build(slug))
                .build();
    }
}
