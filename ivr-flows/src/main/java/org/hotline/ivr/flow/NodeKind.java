package org.hotline.ivr.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a flow node does. Each kind is written in a flow file as {@code kind: <name>}. */
public sealed interface NodeKind {

    /** The nodes this kind leads to (fallbacks of listening nodes are added by {@link FlowNode}). */
    List<Ref> exits();

    /** The prompts this kind plays. */
    List<PromptRef> prompts();

    /** A kind that waits for the caller's keys; global keys work here. */
    sealed interface Listening extends NodeKind {
        Input input();
    }

    /** {@code play}: plays a prompt (the caller may barge in with a global key), then goes on. */
    record Play(PromptRef prompt, Ref next) implements NodeKind {
        public List<Ref> exits() { return FlowNode.refs(next); }
        public List<PromptRef> prompts() { return listOf(prompt); }
    }

    /** {@code menu}: one digit chooses the next node. */
    record Menu(PromptRef prompt, Map<String, Ref> options, Input input) implements Listening {
        public List<Ref> exits() { return List.copyOf(options.values()); }
        public List<PromptRef> prompts() { return listOf(prompt); }
    }

    /**
     * {@code choose}: one digit chooses a value stored in tip field {@code field}. Either fixed {@code values}
     * (digit → value, the prompt names them) or a named keypad {@code list} (entries from the host or the
     * flow's {@code lists}, each announced by its own prompt after {@code prompt}).
     */
    record Choose(PromptRef prompt, String field, Map<String, String> values, String list, Ref next, Input input)
            implements Listening {
        public List<Ref> exits() { return FlowNode.refs(next); }
        public List<PromptRef> prompts() { return listOf(prompt); }
    }

    /** {@code collect}: between {@code min} and {@code max} digits, {@code #} ends early, stored in {@code field}. */
    record Collect(PromptRef prompt, String field, int min, int max, Ref next, Input input) implements Listening {
        public List<Ref> exits() { return FlowNode.refs(next); }
        public List<PromptRef> prompts() { return listOf(prompt); }
    }

    /**
     * {@code language}: one digit chooses the call's language (digit → language code). Digits in
     * {@code interpreter} name languages the flow has no prompts for: the call keeps its language, the channel gets
     * {@code HOTLINE_INTERPRETER=<code>} (shown in the operator's call pop) and goes to {@code onInterpreter},
     * normally an operator hand-off, so that the operator can add an interpreter at once.
     */
    record Language(PromptRef prompt, Map<String, String> options, Ref next, Input input,
            Map<String, String> interpreter, Ref onInterpreter) implements Listening {
        public Language {
            interpreter = interpreter == null ? Map.of() : Map.copyOf(interpreter);
        }

        public Language(PromptRef prompt, Map<String, String> options, Ref next, Input input) {
            this(prompt, options, next, input, Map.of(), null);
        }

        public List<Ref> exits() { return FlowNode.refs(next, onInterpreter); }
        public List<PromptRef> prompts() { return listOf(prompt); }
    }

    /** {@code consent}: 1 = yes, 2 = no for one purpose; stored with the wording version and language. */
    record Consent(String purpose, String wording, PromptRef prompt, Ref onYes, Ref onNo, Input input)
            implements Listening {
        public List<Ref> exits() { return FlowNode.refs(onYes, onNo); }
        public List<PromptRef> prompts() { return listOf(prompt); }
    }

    /** {@code record}: a message ended by {@code #}, silence or the length limit; needs consent {@code record}. */
    record Record(PromptRef prompt, int maxSeconds, int silenceSeconds, Ref next, Ref onNoConsent)
            implements NodeKind {
        public List<Ref> exits() { return FlowNode.refs(next, onNoConsent); }
        public List<PromptRef> prompts() { return listOf(prompt); }
    }

    /**
     * {@code reference}: hands the tip to intake, then says the reference and PIN digit by digit and offers to
     * repeat them. When intake is unavailable the caller hears {@code unavailable} and goes to
     * {@code onUnavailable}, never a made-up reference.
     */
    record Reference(PromptRef intro, PromptRef pinIntro, PromptRef repeatOffer, PromptRef unavailable,
                     Ref next, Ref onUnavailable) implements NodeKind {
        public List<Ref> exits() { return FlowNode.refs(next, onUnavailable); }
        public List<PromptRef> prompts() { return listOf(intro, pinIntro, repeatOffer, unavailable); }
    }

    /** {@code say_digits}: plays {@code prompt}, then says tip field {@code field} digit by digit. */
    record SayDigits(PromptRef prompt, String field, Ref next) implements NodeKind {
        public List<Ref> exits() { return FlowNode.refs(next); }
        public List<PromptRef> prompts() { return listOf(prompt); }
    }

    /** {@code set}: stores a fixed value in a tip field. */
    record SetField(String field, String value, Ref next) implements NodeKind {
        public List<Ref> exits() { return FlowNode.refs(next); }
        public List<PromptRef> prompts() { return List.of(); }
    }

    /** {@code branch}: goes by the value of a tip field; {@code otherwise} when no case matches or it is unset. */
    record Branch(String field, Map<String, Ref> cases, Ref otherwise) implements NodeKind {
        public List<Ref> exits() {
            List<Ref> exits = new ArrayList<>(cases.values());
            exits.add(otherwise);
            return exits;
        }
        public List<PromptRef> prompts() { return List.of(); }
    }

    /** {@code hours}: goes by the flow's opening hours and holidays at the current time. */
    record Hours(Ref open, Ref closed) implements NodeKind {
        public List<Ref> exits() { return FlowNode.refs(open, closed); }
        public List<PromptRef> prompts() { return List.of(); }
    }

    /**
     * {@code emergency}: marks immediate danger, hands the tip to intake and ends the script with status
     * EMERGENCY; the dialplan dials the emergency number.
     */
    record Emergency(PromptRef prompt) implements NodeKind {
        public List<Ref> exits() { return List.of(); }
        public List<PromptRef> prompts() { return listOf(prompt); }
    }

    /**
     * {@code operator}: hands the tip to intake and ends the script with status OPERATOR and the queue name;
     * the dialplan runs Queue(). Goes to {@code whenClosed} outside opening hours.
     */
    record Operator(PromptRef prompt, String queue, Ref whenClosed) implements NodeKind {
        public List<Ref> exits() { return FlowNode.refs(whenClosed); }
        public List<PromptRef> prompts() { return listOf(prompt); }
    }

    /** {@code hangup}: plays a goodbye, ends the script with status DONE and hangs up. */
    record Hangup(PromptRef prompt) implements NodeKind {
        public List<Ref> exits() { return List.of(); }
        public List<PromptRef> prompts() { return listOf(prompt); }
    }

    /**
     * {@code followup_check}: looks up the reference and PIN held in two tip fields. Found: plays the status
     * prompt (e.g. {@code status_referred}) and goes to {@code found}; wrong PIN → {@code wrongPin};
     * locked → {@code locked}; the tips cannot be checked now (storage down) → {@code unavailable}.
     */
    record FollowUpCheck(String referenceField, String pinField, Ref found, Ref wrongPin, Ref locked, Ref unavailable)
            implements NodeKind {
        public List<Ref> exits() { return FlowNode.refs(found, wrongPin, locked, unavailable); }
        public List<PromptRef> prompts() { return List.of(); }
    }

    /** {@code followup_record}: records more information and attaches it to the checked reference. */
    record FollowUpRecord(PromptRef prompt, int maxSeconds, int silenceSeconds, Ref next) implements NodeKind {
        public List<Ref> exits() { return FlowNode.refs(next); }
        public List<PromptRef> prompts() { return listOf(prompt); }
    }

    /**
     * {@code switch_flow}: continues the call in another flow of the same set (e.g. follow-up), at node
     * {@code at} or at that flow's start. The language already chosen is kept.
     */
    record SwitchFlow(String flow, String at, int flowLine) implements NodeKind {
        public List<Ref> exits() { return List.of(); }
        public List<PromptRef> prompts() { return List.of(); }
    }

    /**
     * {@code survey_offer}: when the host has the post-contact survey switched on, continues in survey flow
     * {@code flow} at its start (which asks for consent first); otherwise goes to {@code next}.
     */
    record SurveyOffer(String flow, Ref next, int flowLine) implements NodeKind {
        public List<Ref> exits() { return FlowNode.refs(next); }
        public List<PromptRef> prompts() { return List.of(); }
    }

    /**
     * {@code survey_question}: one digit chooses an answer code ({@code values}: digit → code) to survey question
     * {@code question}; the answer goes to the host's survey sink at once, never into the tip.
     */
    record SurveyQuestion(PromptRef prompt, String question, Map<String, String> values, Ref next, Input input)
            implements Listening {
        public List<Ref> exits() { return FlowNode.refs(next); }
        public List<PromptRef> prompts() { return listOf(prompt); }
    }

    private static List<PromptRef> listOf(PromptRef... prompts) {
        List<PromptRef> list = new ArrayList<>();
        for (PromptRef prompt : prompts) {
            if (prompt != null) {
                list.add(prompt);
            }
        }
        return list;
    }
}
