"""Messages of signed exports: keys, the keyring, signatures checked on import (docs/trust.md)."""

MESSAGES: dict[str, dict[str, str]] = {
    "expected.received_from": {
        "en": "{{name, fingerprint, at}}",
        "id": "{{name, fingerprint, at}}",
    },
    # keys
    "trust.name.empty": {"en": "the key's name is empty", "id": "nama kunci kosong"},
    "trust.name.needed": {
        "en": "give the key's name with --name (fingerprint {fingerprint})",
        "id": "beri nama kunci dengan --name (sidik {fingerprint})",
    },
    "trust.name.default": {
        "en": "give your name for the key with --name, e.g. --name 'Serda Nursalim' (or set it in your profile: komsos profile set --babinsa ...)",
        "id": "beri nama Anda untuk kunci dengan --name, mis. --name 'Serda Nursalim' (atau isi profil: komsos profile set --babinsa ...)",
    },
    "trust.key.bad": {
        "en": "{text!r} is not a komsos public key ('komsos-ed25519 <base64> <name>'), nor a file holding one or a .sig file",
        "id": "{text!r} bukan kunci publik komsos ('komsos-ed25519 <base64> <nama>'), bukan pula berkas berisi kunci atau berkas .sig",
    },
    "trust.key.exists": {
        "en": "a key exists already ({path}); komsos never replaces it: a key is who you are to your commander",
        "id": "kunci sudah ada ({path}); komsos tidak pernah menggantinya: kunci adalah identitas Anda bagi komandan",
    },
    "trust.key.none": {
        "en": "you have no key yet; make one with: komsos keys init --name 'Serda Nursalim'",
        "id": "Anda belum punya kunci; buat dengan: komsos keys init --name 'Serda Nursalim'",
    },
    "trust.key.damaged": {
        "en": "cannot read your key {path}: {reason}",
        "id": "kunci Anda {path} tidak terbaca: {reason}",
    },
    "trust.key.mismatch": {
        "en": "the private and public key in {path} do not belong together; restore the folder from a backup",
        "id": "kunci privat dan publik di {path} tidak sepasang; pulihkan folder itu dari cadangan",
    },
    "trust.key.made": {
        "en": "key made for {name}; send the line above to your commander and tell them its fingerprint by phone: {fingerprint}",
        "id": "kunci dibuat untuk {name}; kirim baris di atas ke komandan Anda dan sebutkan sidiknya lewat telepon: {fingerprint}",
    },
    "trust.key.fingerprint": {"en": "fingerprint: {fingerprint}", "id": "sidik: {fingerprint}"},
    "trust.passphrase.empty": {"en": "the passphrase is empty", "id": "frasa sandi kosong"},
    "trust.passphrase.prompt": {"en": "Passphrase for your key", "id": "Frasa sandi kunci Anda"},
    "trust.passphrase.no_terminal": {
        "en": "--passphrase needs a terminal to ask it, or the {env} environment variable",
        "id": "--passphrase perlu terminal untuk menanyakannya, atau variabel lingkungan {env}",
    },
    "trust.passphrase.needed": {
        "en": "your key is protected by a passphrase: run at a terminal, or set {env}; nothing was written",
        "id": "kunci Anda dilindungi frasa sandi: jalankan di terminal, atau isi {env}; tidak ada yang ditulis",
    },
    "trust.passphrase.wrong": {
        "en": "wrong passphrase for your key; nothing was written",
        "id": "frasa sandi kunci salah; tidak ada yang ditulis",
    },
    # the keyring
    "trust.keyring.damaged": {
        "en": "cannot read the keyring {path}: {reason}",
        "id": "daftar kunci {path} tidak terbaca: {reason}",
    },
    "trust.keyring.added": {
        "en": "trusted: {name} ({fingerprint})",
        "id": "dipercaya: {name} ({fingerprint})",
    },
    "trust.keyring.renamed": {
        "en": "already trusted; now named {name} ({fingerprint})",
        "id": "sudah dipercaya; kini bernama {name} ({fingerprint})",
    },
    "trust.keyring.empty": {
        "en": "no trusted keys; add a sender's with: komsos keys trust 'komsos-ed25519 ... Serda Nursalim'",
        "id": "belum ada kunci yang dipercaya; tambahkan kunci pengirim dengan: komsos keys trust 'komsos-ed25519 ... Serda Nursalim'",
    },
    "trust.fingerprint.bad": {
        "en": "{text!r} is not a fingerprint (16 hex digits, as keys list shows: 1a2b 3c4d 5e6f 7a8b)",
        "id": "{text!r} bukan sidik kunci (16 digit heksa, seperti di keys list: 1a2b 3c4d 5e6f 7a8b)",
    },
    "trust.forget.unknown": {
        "en": "no trusted key has the fingerprint {fingerprint}; see komsos keys list",
        "id": "tidak ada kunci dipercaya dengan sidik {fingerprint}; lihat komsos keys list",
    },
    "trust.forgotten": {
        "en": "no longer trusted: {name} ({fingerprint})",
        "id": "tidak lagi dipercaya: {name} ({fingerprint})",
    },
    # export
    "trust.export.signed": {
        "en": "signed by {name} ({fingerprint}): {sig}",
        "id": "ditandatangani {name} ({fingerprint}): {sig}",
    },
    "trust.export.stdout_unsigned": {
        "en": "written to stdout: not signed (write a file with --output to sign it)",
        "id": "ditulis ke stdout: tanpa tanda tangan (tulis ke berkas dengan --output agar ditandatangani)",
    },
    # import
    "trust.sig.broken": {
        "en": "{path}: the signature is broken ({reason}); nothing was imported",
        "id": "{path}: tanda tangannya rusak ({reason}); tidak ada yang diimpor",
    },
    "trust.sig.not_json": {"en": "not a komsos signature file", "id": "bukan berkas tanda tangan komsos"},
    "trust.sig.fields": {
        "en": "its fields are not those komsos writes",
        "id": "isinya bukan yang ditulis komsos",
    },
    "trust.sig.version": {
        "en": "signature format {version!r} is not known to this komsos",
        "id": "format tanda tangan {version!r} tidak dikenal komsos ini",
    },
    "trust.sig.altered": {
        "en": "it was changed after it was written",
        "id": "isinya diubah setelah ditulis",
    },
    "trust.sig.invalid": {
        "en": "the signature does not match what it claims",
        "id": "tanda tangan tidak cocok dengan isinya",
    },
    "trust.sig.changed": {
        "en": "{path} was changed after {signer} ({fingerprint}) signed it; ask for the file again; nothing was imported",
        "id": "{path} diubah setelah {signer} ({fingerprint}) menandatanganinya; minta berkasnya lagi; tidak ada yang diimpor",
    },
    "trust.sig.unknown": {
        "en": "{path} is signed by a key you do not trust: {signer}, fingerprint {fingerprint}; check the fingerprint with the sender (by phone or in person), then accept the key with: {command}; nothing was imported",
        "id": "{path} ditandatangani kunci yang tidak Anda percayai: {signer}, sidik {fingerprint}; cocokkan sidiknya dengan pengirim (lewat telepon atau langsung), lalu terima kuncinya dengan: {command}; tidak ada yang diimpor",
    },
    "trust.unsigned.refused": {
        "en": "{path} is not signed (no {sig} beside it) and signatures are required; nothing was imported",
        "id": "{path} tidak bertanda tangan (tidak ada {sig} di sampingnya) padahal tanda tangan diwajibkan; tidak ada yang diimpor",
    },
    "trust.unsigned.warning": {
        "en": "warning: {path} is not signed (no {sig} beside it): anyone could have written or changed it",
        "id": "peringatan: {path} tidak bertanda tangan (tidak ada {sig} di sampingnya): siapa pun bisa menulis atau mengubahnya",
    },
    "trust.import.signed": {
        "en": "{path}: signed by {name} ({fingerprint}) at {at}",
        "id": "{path}: ditandatangani {name} ({fingerprint}) pada {at}",
    },
    # help texts of `profile set` (translated: tests/test_docs.py)
    "help.option.require_signed": {
        "en": "Import only signed files from trusted keys (--no-require-signed: allow unsigned ones again).",
        "id": "Impor hanya berkas bertanda tangan dari kunci yang dipercaya (--no-require-signed: izinkan lagi yang tanpa tanda tangan).",
    },
}
