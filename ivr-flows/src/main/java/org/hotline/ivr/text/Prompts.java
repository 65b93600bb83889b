package org.hotline.ivr.text;

import java.util.List;
import java.util.Map;
import org.hotline.ivr.flow.Choice;
import org.hotline.ivr.flow.FlowObserver;
import org.hotline.ivr.flow.NodeKind;

/** Renders prompts as short messages in the session's language; a list becomes "1 …" lines. */
final class Prompts {

    private final TextFlows flows;
    private final Map<String, List<Choice>> hostLists;
    private final FlowObserver observer;

    Prompts(TextFlows flows, Map<String, List<Choice>> hostLists, FlowObserver observer) {
        this.flows = flows;
        this.hostLists = hostLists;
        this.observer = observer;
    }

    String text(Walk walk, String promptId) {
        if (!flows.translated(walk.flow, walk.language, promptId)) {
            observer.promptFallback(walk.flow.label(), walk.language, promptId);
        }
        return flows.text(walk.flow, walk.language, promptId);
    }

    /** The question a listening node asks, with a list's entries as "1 Forced labour" lines. */
    String question(Walk walk, NodeKind.Listening kind) {
        return switch (kind) {
            case NodeKind.Menu menu -> text(walk, menu.prompt().id());
            case NodeKind.Collect collect -> text(walk, collect.prompt().id());
            case NodeKind.Language language -> text(walk, language.prompt().id());
            case NodeKind.Consent consent -> text(walk, consent.prompt().id());
            case NodeKind.SurveyQuestion question -> text(walk, question.prompt().id());
            case NodeKind.Choose choose -> {
                StringBuilder question = new StringBuilder(text(walk, choose.prompt().id()));
                for (Choice choice : choices(walk, choose)) {
                    // list entries are written to be spoken in a row ("Forced labour,"): drop the trailing comma
                    question.append('\n').append(choice.digit()).append(' ')
                            .append(text(walk, choice.prompt()).replaceAll("[,;.\\s]+$", ""));
                }
                yield question.toString();
            }
        };
    }

    /** The entries of a list-backed choice (the host's list first, else the flow's), or none for fixed values. */
    List<Choice> choices(Walk walk, NodeKind.Choose choose) {
        if (choose.list() == null) {
            return List.of();
        }
        return hostLists.getOrDefault(choose.list(), walk.flow.lists().get(choose.list()));
    }
}
