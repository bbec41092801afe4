package io.gatehouse.crypto;

import io.gatehouse.config.GatehouseConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server key ({@code GATEHOUSE_SECRET}, or generated once into the data folder) and the
 * purpose-bound keys derived from it with HKDF, so no two uses share key material.
 */
@ApplicationScoped
public class ServerSecret {

    private static final String FILE_NAME = "server-secret";

    private byte[] master;

    @PostConstruct
    void load() {
        master = GatehouseConfig.get("GATEHOUSE_SECRET")
                .map(secret -> secret.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> readOrCreate(GatehouseConfig.dataDir().resolve(FILE_NAME)));
        if (master.length < 16) {
            throw new IllegalStateException("GATEHOUSE_SECRET must be at least 16 bytes long");
        }
    }

    /** A 256-bit key for one purpose, e.g. "apikey-encryption". */
    public byte[] derive(String purpose) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(master, null, ("gatehouse/" + purpose).getBytes(StandardCharsets.UTF_8)));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);
        return key;
    }

    private static byte[] readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // Readable by the server's user alone, from the moment it exists.
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardOpenOption.TRUNCATE_EXISTING);
            return fresh;
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            return readOrCreate(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the server key " + file, e);
        }
    }
}
