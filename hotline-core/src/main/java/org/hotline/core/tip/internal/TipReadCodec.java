package org.hotline.core.tip.internal;

import org.bson.BsonReader;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.tip.Tip;

/**
 * The driver's codec for the typed view of the {@code tips} collection: a found tip comes out of the driver as a
 * {@link Tip}, its personal values opened with the node's data keys on the way. Tips are written as sealed
 * documents (a new tip whole, later changes as updates of single fields), so a {@link Tip} is never encoded.
 */
final class TipReadCodec implements Codec<Tip> {

    private final DocumentCodec documents;
    private final TipCipher cipher;

    TipReadCodec(CodecRegistry registry, TipCipher cipher) {
        this.documents = new DocumentCodec(registry);
        this.cipher = cipher;
    }

    @Override
    public Tip decode(BsonReader reader, DecoderContext context) {
        return TipCodec.tip(cipher.open(documents.decode(reader, context)));
    }

    @Override
    public void encode(BsonWriter writer, Tip tip, EncoderContext context) {
        throw new UnsupportedOperationException("a tip is stored as its sealed document and changed by updates");
    }

    @Override
    public Class<Tip> getEncoderClass() {
        return Tip.class;
    }
}
