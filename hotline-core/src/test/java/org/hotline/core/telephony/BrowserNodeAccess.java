package org.hotline.core.telephony;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.hotline.core.auth.Role;
import org.hotline.core.node.Hotline;
import org.hotline.core.testsupport.BrowserScripts;
import org.hotline.core.testsupport.ami.AmiSimulator;

/** {@link BrowserNode} for browser tests of other features' packages. */
public final class BrowserNodeAccess implements AutoCloseable {

    private final BrowserNode node;

    private BrowserNodeAccess(BrowserNode node) {
        this.node = node;
    }

    public static BrowserNodeAccess start(Path dir, String member, Map<String, String> env) {
        return new BrowserNodeAccess(new BrowserNode(dir, member, env));
    }

    public BrowserNodeAccess staff(String username, Role role, String phone) {
        node.staff(username, role, phone);
        return this;
    }

    public Hotline node() {
        return node.node;
    }

    public AmiSimulator ami() {
        return node.ami;
    }

    public BrowserScripts.Run run(String script, String username, Consumer<String> onLine, String... extra)
            throws Exception {
        return node.run(script, username, onLine, extra);
    }

    @Override
    public void close() throws Exception {
        node.close();
    }
}
