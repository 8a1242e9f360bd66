package io.collectflow.security.pii;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code collectflow.security.pii}: AES-256 keys by key id (base64 of 32 bytes) and the id new values are
 * encrypted with. Older keys stay listed so rows written with them remain readable (rotation).
 */
@ConfigurationProperties("collectflow.security.pii")
public class PiiProperties {

    private String activeKeyId = "k1";
    private Map<String, String> keys = new LinkedHashMap<>();
    /** Re-encrypt values in clear or under an older key id at start-up ({@link PiiReencryption}). */
    private boolean reencryptOnStartup = true;
    private int reencryptBatchSize = 500;

    public boolean isReencryptOnStartup() {
        return reencryptOnStartup;
    }

    public void setReencryptOnStartup(boolean reencryptOnStartup) {
        this.reencryptOnStartup = reencryptOnStartup;
    }

    public int getReencryptBatchSize() {
        return reencryptBatchSize;
    }

    public void setReencryptBatchSize(int reencryptBatchSize) {
        this.reencryptBatchSize = reencryptBatchSize;
    }

    public String getActiveKeyId() {
        return activeKeyId;
    }

    public void setActiveKeyId(String activeKeyId) {
        this.activeKeyId = activeKeyId;
    }

    public Map<String, String> getKeys() {
        return keys;
    }

    public void setKeys(Map<String, String> keys) {
        this.keys = keys;
    }
}
