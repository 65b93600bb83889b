package org.hotline.core.referral.internal;

import org.bson.BsonReader;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.hotline.core.crypto.PayloadSeal;
import org.hotline.core.referral.Referral;

/**
 * The driver's codec for the typed view of the {@code referrals} collection: a found referral comes out as a
 * {@link Referral} with its payload's personal values opened. Referrals are written as sealed drafts through the
 * outbox and changed by updates, so a {@link Referral} is never encoded.
 */
final class ReferralReadCodec implements Codec<Referral> {

    private final DocumentCodec documents;
    private final PayloadSeal seal;

    ReferralReadCodec(CodecRegistry registry, PayloadSeal seal) {
        this.documents = new DocumentCodec(registry);
        this.seal = seal;
    }

    @Override
    public Referral decode(BsonReader reader, DecoderContext context) {
        Document doc = documents.decode(reader, context);
        Document payload = doc.get("payload", Document.class);
        if (payload != null) {
            doc.put("payload", seal.open(doc.getString("tipId"), payload));
        }
        return ReferralDocuments.referral(doc);
    }

    @Override
    public void encode(BsonWriter writer, Referral referral, EncoderContext context) {
        throw new UnsupportedOperationException("a referral is stored as its sealed draft and changed by updates");
    }

    @Override
    public Class<Referral> getEncoderClass() {
        return Referral.class;
    }
}
