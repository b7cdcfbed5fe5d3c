/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const tessera = $root.tessera = (() => {

    /**
     * Namespace tessera.
     * @exports tessera
     * @namespace
     */
    const tessera = {};

    tessera.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof tessera
         * @namespace
         */
        const v1 = {};

        v1.Envelope = (function() {

            /**
             * Properties of an Envelope.
             * @typedef {Object} tessera.v1.Envelope.$Properties
             * @property {number|null} [version] Envelope version
             * @property {string|null} [scheme] Envelope scheme
             * @property {Uint8Array|null} [sessionId] Envelope sessionId
             * @property {string|null} [round] Envelope round
             * @property {Uint8Array|null} [sender] Envelope sender
             * @property {Uint8Array|null} [recipient] Envelope recipient
             * @property {number|null} [sequence] Envelope sequence
             * @property {Uint8Array|null} [payload] Envelope payload
             * @property {boolean|null} [encrypted] Envelope encrypted
             * @property {Uint8Array|null} [signature] Envelope signature
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Envelope.
             * @memberof tessera.v1
             * @interface IEnvelope
             * @augments tessera.v1.Envelope.$Properties
             * @deprecated Use tessera.v1.Envelope.$Properties instead.
             */

            /**
             * Shape of an Envelope.
             * @typedef {tessera.v1.Envelope.$Properties} tessera.v1.Envelope.$Shape
             */

            /**
             * Constructs a new Envelope.
             * @memberof tessera.v1
             * @classdesc Represents an Envelope.
             * @constructor
             * @param {tessera.v1.Envelope.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Envelope = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Envelope version.
             * @member {number} version
             * @memberof tessera.v1.Envelope
             * @instance
             */
            Envelope.prototype.version = 0;

            /**
             * Envelope scheme.
             * @member {string} scheme
             * @memberof tessera.v1.Envelope
             * @instance
             */
            Envelope.prototype.scheme = "";

            /**
             * Envelope sessionId.
             * @member {Uint8Array} sessionId
             * @memberof tessera.v1.Envelope
             * @instance
             */
            Envelope.prototype.sessionId = $util.newBuffer([]);

            /**
             * Envelope round.
             * @member {string} round
             * @memberof tessera.v1.Envelope
             * @instance
             */
            Envelope.prototype.round = "";

            /**
             * Envelope sender.
             * @member {Uint8Array} sender
             * @memberof tessera.v1.Envelope
             * @instance
             */
            Envelope.prototype.sender = $util.newBuffer([]);

            /**
             * Envelope recipient.
             * @member {Uint8Array} recipient
             * @memberof tessera.v1.Envelope
             * @instance
             */
            Envelope.prototype.recipient = $util.newBuffer([]);

            /**
             * Envelope sequence.
             * @member {number} sequence
             * @memberof tessera.v1.Envelope
             * @instance
             */
            Envelope.prototype.sequence = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Envelope payload.
             * @member {Uint8Array} payload
             * @memberof tessera.v1.Envelope
             * @instance
             */
            Envelope.prototype.payload = $util.newBuffer([]);

            /**
             * Envelope encrypted.
             * @member {boolean} encrypted
             * @memberof tessera.v1.Envelope
             * @instance
             */
            Envelope.prototype.encrypted = false;

            /**
             * Envelope signature.
             * @member {Uint8Array} signature
             * @memberof tessera.v1.Envelope
             * @instance
             */
            Envelope.prototype.signature = $util.newBuffer([]);

            /**
             * Creates a new Envelope instance using the specified properties.
             * @function create
             * @memberof tessera.v1.Envelope
             * @static
             * @param {tessera.v1.Envelope.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.Envelope} Envelope instance
             * @type {{
             *   (properties: tessera.v1.Envelope.$Shape): tessera.v1.Envelope & tessera.v1.Envelope.$Shape;
             *   (properties?: tessera.v1.Envelope.$Properties): tessera.v1.Envelope;
             * }}
             */
            Envelope.create = function(properties) {
                return new Envelope(properties);
            };

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link tessera.v1.Envelope.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.Envelope
             * @static
             * @param {tessera.v1.Envelope.$Properties} m Envelope message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.version != null && $Object.hasOwnProperty.call(m, "version") && m.version !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.version);
                if (m.scheme != null && $Object.hasOwnProperty.call(m, "scheme") && m.scheme !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.scheme);
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId") && m.sessionId.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.sessionId);
                if (m.round != null && $Object.hasOwnProperty.call(m, "round") && m.round !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.round);
                if (m.sender != null && $Object.hasOwnProperty.call(m, "sender") && m.sender.length)
                    w.uint32(/* id 5, wireType 2 =*/42).bytes(m.sender);
                if (m.recipient != null && $Object.hasOwnProperty.call(m, "recipient") && m.recipient.length)
                    w.uint32(/* id 6, wireType 2 =*/50).bytes(m.recipient);
                if (m.sequence != null && $Object.hasOwnProperty.call(m, "sequence") && (typeof m.sequence === "object" ? m.sequence.low || m.sequence.high : m.sequence !== 0))
                    w.uint32(/* id 7, wireType 0 =*/56).uint64(m.sequence);
                if (m.payload != null && $Object.hasOwnProperty.call(m, "payload") && m.payload.length)
                    w.uint32(/* id 8, wireType 2 =*/66).bytes(m.payload);
                if (m.encrypted != null && $Object.hasOwnProperty.call(m, "encrypted") && m.encrypted !== false)
                    w.uint32(/* id 9, wireType 0 =*/72).bool(m.encrypted);
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature") && m.signature.length)
                    w.uint32(/* id 10, wireType 2 =*/82).bytes(m.signature);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.Envelope & tessera.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.Envelope();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.version = v;
                            else
                                delete m.version;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.scheme = v;
                            else
                                delete m.scheme;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.sessionId = v;
                            else
                                delete m.sessionId;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.round = v;
                            else
                                delete m.round;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.sender = v;
                            else
                                delete m.sender;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.recipient = v;
                            else
                                delete m.recipient;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.sequence = v;
                            else
                                delete m.sequence;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.payload = v;
                            else
                                delete m.payload;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.encrypted = v;
                            else
                                delete m.encrypted;
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.signature = v;
                            else
                                delete m.signature;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for Envelope
             * @function getTypeUrl
             * @memberof tessera.v1.Envelope
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Envelope.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.Envelope";
            };

            return Envelope;
        })();

        v1.PartyInfo = (function() {

            /**
             * Properties of a PartyInfo.
             * @typedef {Object} tessera.v1.PartyInfo.$Properties
             * @property {number|null} [id] PartyInfo id
             * @property {Uint8Array|null} [identityKey] PartyInfo identityKey
             * @property {Uint8Array|null} [verifyingShare] PartyInfo verifyingShare
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PartyInfo.
             * @memberof tessera.v1
             * @interface IPartyInfo
             * @augments tessera.v1.PartyInfo.$Properties
             * @deprecated Use tessera.v1.PartyInfo.$Properties instead.
             */

            /**
             * Shape of a PartyInfo.
             * @typedef {tessera.v1.PartyInfo.$Properties} tessera.v1.PartyInfo.$Shape
             */

            /**
             * Constructs a new PartyInfo.
             * @memberof tessera.v1
             * @classdesc Represents a PartyInfo.
             * @constructor
             * @param {tessera.v1.PartyInfo.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PartyInfo = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * PartyInfo id.
             * @member {number} id
             * @memberof tessera.v1.PartyInfo
             * @instance
             */
            PartyInfo.prototype.id = 0;

            /**
             * PartyInfo identityKey.
             * @member {Uint8Array} identityKey
             * @memberof tessera.v1.PartyInfo
             * @instance
             */
            PartyInfo.prototype.identityKey = $util.newBuffer([]);

            /**
             * PartyInfo verifyingShare.
             * @member {Uint8Array} verifyingShare
             * @memberof tessera.v1.PartyInfo
             * @instance
             */
            PartyInfo.prototype.verifyingShare = $util.newBuffer([]);

            /**
             * Creates a new PartyInfo instance using the specified properties.
             * @function create
             * @memberof tessera.v1.PartyInfo
             * @static
             * @param {tessera.v1.PartyInfo.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.PartyInfo} PartyInfo instance
             * @type {{
             *   (properties: tessera.v1.PartyInfo.$Shape): tessera.v1.PartyInfo & tessera.v1.PartyInfo.$Shape;
             *   (properties?: tessera.v1.PartyInfo.$Properties): tessera.v1.PartyInfo;
             * }}
             */
            PartyInfo.create = function(properties) {
                return new PartyInfo(properties);
            };

            /**
             * Encodes the specified PartyInfo message. Does not implicitly {@link tessera.v1.PartyInfo.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.PartyInfo
             * @static
             * @param {tessera.v1.PartyInfo.$Properties} m PartyInfo message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PartyInfo.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.id);
                if (m.identityKey != null && $Object.hasOwnProperty.call(m, "identityKey") && m.identityKey.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.identityKey);
                if (m.verifyingShare != null && $Object.hasOwnProperty.call(m, "verifyingShare") && m.verifyingShare.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.verifyingShare);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a PartyInfo message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.PartyInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.PartyInfo & tessera.v1.PartyInfo.$Shape} PartyInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PartyInfo.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.PartyInfo();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.id = v;
                            else
                                delete m.id;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.identityKey = v;
                            else
                                delete m.identityKey;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.verifyingShare = v;
                            else
                                delete m.verifyingShare;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for PartyInfo
             * @function getTypeUrl
             * @memberof tessera.v1.PartyInfo
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PartyInfo.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.PartyInfo";
            };

            return PartyInfo;
        })();

        v1.KeyShare = (function() {

            /**
             * Properties of a KeyShare.
             * @typedef {Object} tessera.v1.KeyShare.$Properties
             * @property {number|null} [version] KeyShare version
             * @property {string|null} [scheme] KeyShare scheme
             * @property {string|null} [keyId] KeyShare keyId
             * @property {number|null} [partyId] KeyShare partyId
             * @property {number|null} [threshold] KeyShare threshold
             * @property {Array.<tessera.v1.PartyInfo.$Properties>|null} [parties] KeyShare parties
             * @property {Uint8Array|null} [groupPublicKey] KeyShare groupPublicKey
             * @property {Array.<Uint8Array>|null} [vssCommitment] KeyShare vssCommitment
             * @property {Uint8Array|null} [chainCode] KeyShare chainCode
             * @property {Uint8Array|null} [secretShare] KeyShare secretShare
             * @property {tessera.v1.EcdsaState.$Properties|null} [ecdsa] KeyShare ecdsa
             * @property {number|null} [generation] KeyShare generation
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a KeyShare.
             * @memberof tessera.v1
             * @interface IKeyShare
             * @augments tessera.v1.KeyShare.$Properties
             * @deprecated Use tessera.v1.KeyShare.$Properties instead.
             */

            /**
             * Shape of a KeyShare.
             * @typedef {tessera.v1.KeyShare.$Properties} tessera.v1.KeyShare.$Shape
             */

            /**
             * Constructs a new KeyShare.
             * @memberof tessera.v1
             * @classdesc Represents a KeyShare.
             * @constructor
             * @param {tessera.v1.KeyShare.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const KeyShare = function (p) {
                this.parties = [];
                this.vssCommitment = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * KeyShare version.
             * @member {number} version
             * @memberof tessera.v1.KeyShare
             * @instance
             */
            KeyShare.prototype.version = 0;

            /**
             * KeyShare scheme.
             * @member {string} scheme
             * @memberof tessera.v1.KeyShare
             * @instance
             */
            KeyShare.prototype.scheme = "";

            /**
             * KeyShare keyId.
             * @member {string} keyId
             * @memberof tessera.v1.KeyShare
             * @instance
             */
            KeyShare.prototype.keyId = "";

            /**
             * KeyShare partyId.
             * @member {number} partyId
             * @memberof tessera.v1.KeyShare
             * @instance
             */
            KeyShare.prototype.partyId = 0;

            /**
             * KeyShare threshold.
             * @member {number} threshold
             * @memberof tessera.v1.KeyShare
             * @instance
             */
            KeyShare.prototype.threshold = 0;

            /**
             * KeyShare parties.
             * @member {Array.<tessera.v1.PartyInfo.$Properties>} parties
             * @memberof tessera.v1.KeyShare
             * @instance
             */
            KeyShare.prototype.parties = $util.emptyArray;

            /**
             * KeyShare groupPublicKey.
             * @member {Uint8Array} groupPublicKey
             * @memberof tessera.v1.KeyShare
             * @instance
             */
            KeyShare.prototype.groupPublicKey = $util.newBuffer([]);

            /**
             * KeyShare vssCommitment.
             * @member {Array.<Uint8Array>} vssCommitment
             * @memberof tessera.v1.KeyShare
             * @instance
             */
            KeyShare.prototype.vssCommitment = $util.emptyArray;

            /**
             * KeyShare chainCode.
             * @member {Uint8Array} chainCode
             * @memberof tessera.v1.KeyShare
             * @instance
             */
            KeyShare.prototype.chainCode = $util.newBuffer([]);

            /**
             * KeyShare secretShare.
             * @member {Uint8Array} secretShare
             * @memberof tessera.v1.KeyShare
             * @instance
             */
            KeyShare.prototype.secretShare = $util.newBuffer([]);

            /**
             * KeyShare ecdsa.
             * @member {tessera.v1.EcdsaState.$Properties|null|undefined} ecdsa
             * @memberof tessera.v1.KeyShare
             * @instance
             */
            KeyShare.prototype.ecdsa = null;

            /**
             * KeyShare generation.
             * @member {number} generation
             * @memberof tessera.v1.KeyShare
             * @instance
             */
            KeyShare.prototype.generation = 0;

            /**
             * Creates a new KeyShare instance using the specified properties.
             * @function create
             * @memberof tessera.v1.KeyShare
             * @static
             * @param {tessera.v1.KeyShare.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.KeyShare} KeyShare instance
             * @type {{
             *   (properties: tessera.v1.KeyShare.$Shape): tessera.v1.KeyShare & tessera.v1.KeyShare.$Shape;
             *   (properties?: tessera.v1.KeyShare.$Properties): tessera.v1.KeyShare;
             * }}
             */
            KeyShare.create = function(properties) {
                return new KeyShare(properties);
            };

            /**
             * Encodes the specified KeyShare message. Does not implicitly {@link tessera.v1.KeyShare.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.KeyShare
             * @static
             * @param {tessera.v1.KeyShare.$Properties} m KeyShare message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            KeyShare.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.version != null && $Object.hasOwnProperty.call(m, "version") && m.version !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.version);
                if (m.scheme != null && $Object.hasOwnProperty.call(m, "scheme") && m.scheme !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.scheme);
                if (m.keyId != null && $Object.hasOwnProperty.call(m, "keyId") && m.keyId !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.keyId);
                if (m.partyId != null && $Object.hasOwnProperty.call(m, "partyId") && m.partyId !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.partyId);
                if (m.threshold != null && $Object.hasOwnProperty.call(m, "threshold") && m.threshold !== 0)
                    w.uint32(/* id 5, wireType 0 =*/40).uint32(m.threshold);
                if (m.parties != null && m.parties.length) {
                    for (var i = 0; i < m.parties.length; ++i)
                        $root.tessera.v1.PartyInfo.encode(m.parties[i], w.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                }
                if (m.groupPublicKey != null && $Object.hasOwnProperty.call(m, "groupPublicKey") && m.groupPublicKey.length)
                    w.uint32(/* id 7, wireType 2 =*/58).bytes(m.groupPublicKey);
                if (m.vssCommitment != null && m.vssCommitment.length) {
                    for (var i = 0; i < m.vssCommitment.length; ++i)
                        w.uint32(/* id 8, wireType 2 =*/66).bytes(m.vssCommitment[i]);
                }
                if (m.chainCode != null && $Object.hasOwnProperty.call(m, "chainCode") && m.chainCode.length)
                    w.uint32(/* id 9, wireType 2 =*/74).bytes(m.chainCode);
                if (m.secretShare != null && $Object.hasOwnProperty.call(m, "secretShare") && m.secretShare.length)
                    w.uint32(/* id 10, wireType 2 =*/82).bytes(m.secretShare);
                if (m.ecdsa != null && $Object.hasOwnProperty.call(m, "ecdsa"))
                    $root.tessera.v1.EcdsaState.encode(m.ecdsa, w.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
                if (m.generation != null && $Object.hasOwnProperty.call(m, "generation") && m.generation !== 0)
                    w.uint32(/* id 12, wireType 0 =*/96).uint32(m.generation);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a KeyShare message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.KeyShare
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.KeyShare & tessera.v1.KeyShare.$Shape} KeyShare
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            KeyShare.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.KeyShare();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.version = v;
                            else
                                delete m.version;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.scheme = v;
                            else
                                delete m.scheme;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.keyId = v;
                            else
                                delete m.keyId;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.partyId = v;
                            else
                                delete m.partyId;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.threshold = v;
                            else
                                delete m.threshold;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if (!(m.parties && m.parties.length))
                                m.parties = [];
                            m.parties.push($root.tessera.v1.PartyInfo.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.groupPublicKey = v;
                            else
                                delete m.groupPublicKey;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if (!(m.vssCommitment && m.vssCommitment.length))
                                m.vssCommitment = [];
                            m.vssCommitment.push(r.bytes());
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.chainCode = v;
                            else
                                delete m.chainCode;
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.secretShare = v;
                            else
                                delete m.secretShare;
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            m.ecdsa = $root.tessera.v1.EcdsaState.decode(r, r.size(), $undefined, q + 1, m.ecdsa);
                            continue;
                        }
                    case 12: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.generation = v;
                            else
                                delete m.generation;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for KeyShare
             * @function getTypeUrl
             * @memberof tessera.v1.KeyShare
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            KeyShare.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.KeyShare";
            };

            return KeyShare;
        })();

        v1.EcdsaPair = (function() {

            /**
             * Properties of an EcdsaPair.
             * @typedef {Object} tessera.v1.EcdsaPair.$Properties
             * @property {number|null} [party] EcdsaPair party
             * @property {Uint8Array|null} [fullSeeds] EcdsaPair fullSeeds
             * @property {Uint8Array|null} [puncturedSeeds] EcdsaPair puncturedSeeds
             * @property {Uint8Array|null} [deltas] EcdsaPair deltas
             * @property {Uint8Array|null} [zetaSeed] EcdsaPair zetaSeed
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EcdsaPair.
             * @memberof tessera.v1
             * @interface IEcdsaPair
             * @augments tessera.v1.EcdsaPair.$Properties
             * @deprecated Use tessera.v1.EcdsaPair.$Properties instead.
             */

            /**
             * Shape of an EcdsaPair.
             * @typedef {tessera.v1.EcdsaPair.$Properties} tessera.v1.EcdsaPair.$Shape
             */

            /**
             * Constructs a new EcdsaPair.
             * @memberof tessera.v1
             * @classdesc Represents an EcdsaPair.
             * @constructor
             * @param {tessera.v1.EcdsaPair.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EcdsaPair = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * EcdsaPair party.
             * @member {number} party
             * @memberof tessera.v1.EcdsaPair
             * @instance
             */
            EcdsaPair.prototype.party = 0;

            /**
             * EcdsaPair fullSeeds.
             * @member {Uint8Array} fullSeeds
             * @memberof tessera.v1.EcdsaPair
             * @instance
             */
            EcdsaPair.prototype.fullSeeds = $util.newBuffer([]);

            /**
             * EcdsaPair puncturedSeeds.
             * @member {Uint8Array} puncturedSeeds
             * @memberof tessera.v1.EcdsaPair
             * @instance
             */
            EcdsaPair.prototype.puncturedSeeds = $util.newBuffer([]);

            /**
             * EcdsaPair deltas.
             * @member {Uint8Array} deltas
             * @memberof tessera.v1.EcdsaPair
             * @instance
             */
            EcdsaPair.prototype.deltas = $util.newBuffer([]);

            /**
             * EcdsaPair zetaSeed.
             * @member {Uint8Array} zetaSeed
             * @memberof tessera.v1.EcdsaPair
             * @instance
             */
            EcdsaPair.prototype.zetaSeed = $util.newBuffer([]);

            /**
             * Creates a new EcdsaPair instance using the specified properties.
             * @function create
             * @memberof tessera.v1.EcdsaPair
             * @static
             * @param {tessera.v1.EcdsaPair.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.EcdsaPair} EcdsaPair instance
             * @type {{
             *   (properties: tessera.v1.EcdsaPair.$Shape): tessera.v1.EcdsaPair & tessera.v1.EcdsaPair.$Shape;
             *   (properties?: tessera.v1.EcdsaPair.$Properties): tessera.v1.EcdsaPair;
             * }}
             */
            EcdsaPair.create = function(properties) {
                return new EcdsaPair(properties);
            };

            /**
             * Encodes the specified EcdsaPair message. Does not implicitly {@link tessera.v1.EcdsaPair.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.EcdsaPair
             * @static
             * @param {tessera.v1.EcdsaPair.$Properties} m EcdsaPair message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EcdsaPair.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.party != null && $Object.hasOwnProperty.call(m, "party") && m.party !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.party);
                if (m.fullSeeds != null && $Object.hasOwnProperty.call(m, "fullSeeds") && m.fullSeeds.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.fullSeeds);
                if (m.puncturedSeeds != null && $Object.hasOwnProperty.call(m, "puncturedSeeds") && m.puncturedSeeds.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.puncturedSeeds);
                if (m.deltas != null && $Object.hasOwnProperty.call(m, "deltas") && m.deltas.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.deltas);
                if (m.zetaSeed != null && $Object.hasOwnProperty.call(m, "zetaSeed") && m.zetaSeed.length)
                    w.uint32(/* id 5, wireType 2 =*/42).bytes(m.zetaSeed);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an EcdsaPair message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.EcdsaPair
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.EcdsaPair & tessera.v1.EcdsaPair.$Shape} EcdsaPair
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EcdsaPair.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.EcdsaPair();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.party = v;
                            else
                                delete m.party;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.fullSeeds = v;
                            else
                                delete m.fullSeeds;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.puncturedSeeds = v;
                            else
                                delete m.puncturedSeeds;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.deltas = v;
                            else
                                delete m.deltas;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.zetaSeed = v;
                            else
                                delete m.zetaSeed;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for EcdsaPair
             * @function getTypeUrl
             * @memberof tessera.v1.EcdsaPair
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EcdsaPair.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.EcdsaPair";
            };

            return EcdsaPair;
        })();

        v1.EcdsaBan = (function() {

            /**
             * Properties of an EcdsaBan.
             * @typedef {Object} tessera.v1.EcdsaBan.$Properties
             * @property {number|null} [party] EcdsaBan party
             * @property {string|null} [reason] EcdsaBan reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EcdsaBan.
             * @memberof tessera.v1
             * @interface IEcdsaBan
             * @augments tessera.v1.EcdsaBan.$Properties
             * @deprecated Use tessera.v1.EcdsaBan.$Properties instead.
             */

            /**
             * Shape of an EcdsaBan.
             * @typedef {tessera.v1.EcdsaBan.$Properties} tessera.v1.EcdsaBan.$Shape
             */

            /**
             * Constructs a new EcdsaBan.
             * @memberof tessera.v1
             * @classdesc Represents an EcdsaBan.
             * @constructor
             * @param {tessera.v1.EcdsaBan.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EcdsaBan = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * EcdsaBan party.
             * @member {number} party
             * @memberof tessera.v1.EcdsaBan
             * @instance
             */
            EcdsaBan.prototype.party = 0;

            /**
             * EcdsaBan reason.
             * @member {string} reason
             * @memberof tessera.v1.EcdsaBan
             * @instance
             */
            EcdsaBan.prototype.reason = "";

            /**
             * Creates a new EcdsaBan instance using the specified properties.
             * @function create
             * @memberof tessera.v1.EcdsaBan
             * @static
             * @param {tessera.v1.EcdsaBan.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.EcdsaBan} EcdsaBan instance
             * @type {{
             *   (properties: tessera.v1.EcdsaBan.$Shape): tessera.v1.EcdsaBan & tessera.v1.EcdsaBan.$Shape;
             *   (properties?: tessera.v1.EcdsaBan.$Properties): tessera.v1.EcdsaBan;
             * }}
             */
            EcdsaBan.create = function(properties) {
                return new EcdsaBan(properties);
            };

            /**
             * Encodes the specified EcdsaBan message. Does not implicitly {@link tessera.v1.EcdsaBan.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.EcdsaBan
             * @static
             * @param {tessera.v1.EcdsaBan.$Properties} m EcdsaBan message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EcdsaBan.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.party != null && $Object.hasOwnProperty.call(m, "party") && m.party !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.party);
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.reason);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an EcdsaBan message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.EcdsaBan
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.EcdsaBan & tessera.v1.EcdsaBan.$Shape} EcdsaBan
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EcdsaBan.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.EcdsaBan();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.party = v;
                            else
                                delete m.party;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reason = v;
                            else
                                delete m.reason;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for EcdsaBan
             * @function getTypeUrl
             * @memberof tessera.v1.EcdsaBan
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EcdsaBan.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.EcdsaBan";
            };

            return EcdsaBan;
        })();

        v1.EcdsaState = (function() {

            /**
             * Properties of an EcdsaState.
             * @typedef {Object} tessera.v1.EcdsaState.$Properties
             * @property {number|null} [version] EcdsaState version
             * @property {Uint8Array|null} [sessionId] EcdsaState sessionId
             * @property {Array.<tessera.v1.EcdsaPair.$Properties>|null} [pairs] EcdsaState pairs
             * @property {Array.<tessera.v1.EcdsaBan.$Properties>|null} [bans] EcdsaState bans
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EcdsaState.
             * @memberof tessera.v1
             * @interface IEcdsaState
             * @augments tessera.v1.EcdsaState.$Properties
             * @deprecated Use tessera.v1.EcdsaState.$Properties instead.
             */

            /**
             * Shape of an EcdsaState.
             * @typedef {tessera.v1.EcdsaState.$Properties} tessera.v1.EcdsaState.$Shape
             */

            /**
             * Constructs a new EcdsaState.
             * @memberof tessera.v1
             * @classdesc Represents an EcdsaState.
             * @constructor
             * @param {tessera.v1.EcdsaState.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EcdsaState = function (p) {
                this.pairs = [];
                this.bans = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * EcdsaState version.
             * @member {number} version
             * @memberof tessera.v1.EcdsaState
             * @instance
             */
            EcdsaState.prototype.version = 0;

            /**
             * EcdsaState sessionId.
             * @member {Uint8Array} sessionId
             * @memberof tessera.v1.EcdsaState
             * @instance
             */
            EcdsaState.prototype.sessionId = $util.newBuffer([]);

            /**
             * EcdsaState pairs.
             * @member {Array.<tessera.v1.EcdsaPair.$Properties>} pairs
             * @memberof tessera.v1.EcdsaState
             * @instance
             */
            EcdsaState.prototype.pairs = $util.emptyArray;

            /**
             * EcdsaState bans.
             * @member {Array.<tessera.v1.EcdsaBan.$Properties>} bans
             * @memberof tessera.v1.EcdsaState
             * @instance
             */
            EcdsaState.prototype.bans = $util.emptyArray;

            /**
             * Creates a new EcdsaState instance using the specified properties.
             * @function create
             * @memberof tessera.v1.EcdsaState
             * @static
             * @param {tessera.v1.EcdsaState.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.EcdsaState} EcdsaState instance
             * @type {{
             *   (properties: tessera.v1.EcdsaState.$Shape): tessera.v1.EcdsaState & tessera.v1.EcdsaState.$Shape;
             *   (properties?: tessera.v1.EcdsaState.$Properties): tessera.v1.EcdsaState;
             * }}
             */
            EcdsaState.create = function(properties) {
                return new EcdsaState(properties);
            };

            /**
             * Encodes the specified EcdsaState message. Does not implicitly {@link tessera.v1.EcdsaState.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.EcdsaState
             * @static
             * @param {tessera.v1.EcdsaState.$Properties} m EcdsaState message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EcdsaState.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.version != null && $Object.hasOwnProperty.call(m, "version") && m.version !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.version);
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId") && m.sessionId.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.sessionId);
                if (m.pairs != null && m.pairs.length) {
                    for (var i = 0; i < m.pairs.length; ++i)
                        $root.tessera.v1.EcdsaPair.encode(m.pairs[i], w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                }
                if (m.bans != null && m.bans.length) {
                    for (var i = 0; i < m.bans.length; ++i)
                        $root.tessera.v1.EcdsaBan.encode(m.bans[i], w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an EcdsaState message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.EcdsaState
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.EcdsaState & tessera.v1.EcdsaState.$Shape} EcdsaState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EcdsaState.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.EcdsaState();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.version = v;
                            else
                                delete m.version;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.sessionId = v;
                            else
                                delete m.sessionId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.pairs && m.pairs.length))
                                m.pairs = [];
                            m.pairs.push($root.tessera.v1.EcdsaPair.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.bans && m.bans.length))
                                m.bans = [];
                            m.bans.push($root.tessera.v1.EcdsaBan.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for EcdsaState
             * @function getTypeUrl
             * @memberof tessera.v1.EcdsaState
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EcdsaState.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.EcdsaState";
            };

            return EcdsaState;
        })();

        v1.StoredPresignature = (function() {

            /**
             * Properties of a StoredPresignature.
             * @typedef {Object} tessera.v1.StoredPresignature.$Properties
             * @property {number|null} [version] StoredPresignature version
             * @property {Uint8Array|null} [id] StoredPresignature id
             * @property {string|null} [keyId] StoredPresignature keyId
             * @property {Array.<number>|null} [signers] StoredPresignature signers
             * @property {Uint8Array|null} [R] StoredPresignature R
             * @property {Uint8Array|null} [publicKey] StoredPresignature publicKey
             * @property {Uint8Array|null} [phi] StoredPresignature phi
             * @property {Uint8Array|null} [rxv] StoredPresignature rxv
             * @property {Uint8Array|null} [u] StoredPresignature u
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StoredPresignature.
             * @memberof tessera.v1
             * @interface IStoredPresignature
             * @augments tessera.v1.StoredPresignature.$Properties
             * @deprecated Use tessera.v1.StoredPresignature.$Properties instead.
             */

            /**
             * Shape of a StoredPresignature.
             * @typedef {tessera.v1.StoredPresignature.$Properties} tessera.v1.StoredPresignature.$Shape
             */

            /**
             * Constructs a new StoredPresignature.
             * @memberof tessera.v1
             * @classdesc Represents a StoredPresignature.
             * @constructor
             * @param {tessera.v1.StoredPresignature.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StoredPresignature = function (p) {
                this.signers = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * StoredPresignature version.
             * @member {number} version
             * @memberof tessera.v1.StoredPresignature
             * @instance
             */
            StoredPresignature.prototype.version = 0;

            /**
             * StoredPresignature id.
             * @member {Uint8Array} id
             * @memberof tessera.v1.StoredPresignature
             * @instance
             */
            StoredPresignature.prototype.id = $util.newBuffer([]);

            /**
             * StoredPresignature keyId.
             * @member {string} keyId
             * @memberof tessera.v1.StoredPresignature
             * @instance
             */
            StoredPresignature.prototype.keyId = "";

            /**
             * StoredPresignature signers.
             * @member {Array.<number>} signers
             * @memberof tessera.v1.StoredPresignature
             * @instance
             */
            StoredPresignature.prototype.signers = $util.emptyArray;

            /**
             * StoredPresignature R.
             * @member {Uint8Array} R
             * @memberof tessera.v1.StoredPresignature
             * @instance
             */
            StoredPresignature.prototype.R = $util.newBuffer([]);

            /**
             * StoredPresignature publicKey.
             * @member {Uint8Array} publicKey
             * @memberof tessera.v1.StoredPresignature
             * @instance
             */
            StoredPresignature.prototype.publicKey = $util.newBuffer([]);

            /**
             * StoredPresignature phi.
             * @member {Uint8Array} phi
             * @memberof tessera.v1.StoredPresignature
             * @instance
             */
            StoredPresignature.prototype.phi = $util.newBuffer([]);

            /**
             * StoredPresignature rxv.
             * @member {Uint8Array} rxv
             * @memberof tessera.v1.StoredPresignature
             * @instance
             */
            StoredPresignature.prototype.rxv = $util.newBuffer([]);

            /**
             * StoredPresignature u.
             * @member {Uint8Array} u
             * @memberof tessera.v1.StoredPresignature
             * @instance
             */
            StoredPresignature.prototype.u = $util.newBuffer([]);

            /**
             * Creates a new StoredPresignature instance using the specified properties.
             * @function create
             * @memberof tessera.v1.StoredPresignature
             * @static
             * @param {tessera.v1.StoredPresignature.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.StoredPresignature} StoredPresignature instance
             * @type {{
             *   (properties: tessera.v1.StoredPresignature.$Shape): tessera.v1.StoredPresignature & tessera.v1.StoredPresignature.$Shape;
             *   (properties?: tessera.v1.StoredPresignature.$Properties): tessera.v1.StoredPresignature;
             * }}
             */
            StoredPresignature.create = function(properties) {
                return new StoredPresignature(properties);
            };

            /**
             * Encodes the specified StoredPresignature message. Does not implicitly {@link tessera.v1.StoredPresignature.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.StoredPresignature
             * @static
             * @param {tessera.v1.StoredPresignature.$Properties} m StoredPresignature message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StoredPresignature.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.version != null && $Object.hasOwnProperty.call(m, "version") && m.version !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.version);
                if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.id);
                if (m.keyId != null && $Object.hasOwnProperty.call(m, "keyId") && m.keyId !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.keyId);
                if (m.signers != null && m.signers.length) {
                    w.uint32(/* id 4, wireType 2 =*/34).uint32s(m.signers);
                }
                if (m.R != null && $Object.hasOwnProperty.call(m, "R") && m.R.length)
                    w.uint32(/* id 5, wireType 2 =*/42).bytes(m.R);
                if (m.publicKey != null && $Object.hasOwnProperty.call(m, "publicKey") && m.publicKey.length)
                    w.uint32(/* id 6, wireType 2 =*/50).bytes(m.publicKey);
                if (m.phi != null && $Object.hasOwnProperty.call(m, "phi") && m.phi.length)
                    w.uint32(/* id 7, wireType 2 =*/58).bytes(m.phi);
                if (m.rxv != null && $Object.hasOwnProperty.call(m, "rxv") && m.rxv.length)
                    w.uint32(/* id 8, wireType 2 =*/66).bytes(m.rxv);
                if (m.u != null && $Object.hasOwnProperty.call(m, "u") && m.u.length)
                    w.uint32(/* id 9, wireType 2 =*/74).bytes(m.u);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a StoredPresignature message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.StoredPresignature
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.StoredPresignature & tessera.v1.StoredPresignature.$Shape} StoredPresignature
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StoredPresignature.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.StoredPresignature();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.version = v;
                            else
                                delete m.version;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.id = v;
                            else
                                delete m.id;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.keyId = v;
                            else
                                delete m.keyId;
                            continue;
                        }
                    case 4: {
                            if (u === 2) {
                                if (!(m.signers && m.signers.length))
                                    m.signers = [];
                                r.uint32s(m.signers);
                                continue;
                            }
                            if (u !== 0)
                                break;
                            if (!(m.signers && m.signers.length))
                                m.signers = [];
                            m.signers.push(r.uint32());
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.R = v;
                            else
                                delete m.R;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.publicKey = v;
                            else
                                delete m.publicKey;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.phi = v;
                            else
                                delete m.phi;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.rxv = v;
                            else
                                delete m.rxv;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.u = v;
                            else
                                delete m.u;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for StoredPresignature
             * @function getTypeUrl
             * @memberof tessera.v1.StoredPresignature
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            StoredPresignature.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.StoredPresignature";
            };

            return StoredPresignature;
        })();

        v1.AuthResponse = (function() {

            /**
             * Properties of an AuthResponse.
             * @typedef {Object} tessera.v1.AuthResponse.$Properties
             * @property {Uint8Array|null} [identityKey] AuthResponse identityKey
             * @property {Uint8Array|null} [signature] AuthResponse signature
             * @property {string|null} [replica] AuthResponse replica
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AuthResponse.
             * @memberof tessera.v1
             * @interface IAuthResponse
             * @augments tessera.v1.AuthResponse.$Properties
             * @deprecated Use tessera.v1.AuthResponse.$Properties instead.
             */

            /**
             * Shape of an AuthResponse.
             * @typedef {tessera.v1.AuthResponse.$Properties} tessera.v1.AuthResponse.$Shape
             */

            /**
             * Constructs a new AuthResponse.
             * @memberof tessera.v1
             * @classdesc Represents an AuthResponse.
             * @constructor
             * @param {tessera.v1.AuthResponse.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AuthResponse = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * AuthResponse identityKey.
             * @member {Uint8Array} identityKey
             * @memberof tessera.v1.AuthResponse
             * @instance
             */
            AuthResponse.prototype.identityKey = $util.newBuffer([]);

            /**
             * AuthResponse signature.
             * @member {Uint8Array} signature
             * @memberof tessera.v1.AuthResponse
             * @instance
             */
            AuthResponse.prototype.signature = $util.newBuffer([]);

            /**
             * AuthResponse replica.
             * @member {string} replica
             * @memberof tessera.v1.AuthResponse
             * @instance
             */
            AuthResponse.prototype.replica = "";

            /**
             * Creates a new AuthResponse instance using the specified properties.
             * @function create
             * @memberof tessera.v1.AuthResponse
             * @static
             * @param {tessera.v1.AuthResponse.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.AuthResponse} AuthResponse instance
             * @type {{
             *   (properties: tessera.v1.AuthResponse.$Shape): tessera.v1.AuthResponse & tessera.v1.AuthResponse.$Shape;
             *   (properties?: tessera.v1.AuthResponse.$Properties): tessera.v1.AuthResponse;
             * }}
             */
            AuthResponse.create = function(properties) {
                return new AuthResponse(properties);
            };

            /**
             * Encodes the specified AuthResponse message. Does not implicitly {@link tessera.v1.AuthResponse.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.AuthResponse
             * @static
             * @param {tessera.v1.AuthResponse.$Properties} m AuthResponse message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AuthResponse.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.identityKey != null && $Object.hasOwnProperty.call(m, "identityKey") && m.identityKey.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.identityKey);
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature") && m.signature.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.signature);
                if (m.replica != null && $Object.hasOwnProperty.call(m, "replica") && m.replica !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.replica);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an AuthResponse message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.AuthResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.AuthResponse & tessera.v1.AuthResponse.$Shape} AuthResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AuthResponse.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.AuthResponse();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.identityKey = v;
                            else
                                delete m.identityKey;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.signature = v;
                            else
                                delete m.signature;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.replica = v;
                            else
                                delete m.replica;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for AuthResponse
             * @function getTypeUrl
             * @memberof tessera.v1.AuthResponse
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AuthResponse.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.AuthResponse";
            };

            return AuthResponse;
        })();

        v1.RelayFrame = (function() {

            /**
             * Properties of a RelayFrame.
             * @typedef {Object} tessera.v1.RelayFrame.$Properties
             * @property {Uint8Array|null} [challenge] RelayFrame challenge
             * @property {tessera.v1.AuthResponse.$Properties|null} [auth] RelayFrame auth
             * @property {boolean|null} [ready] RelayFrame ready
             * @property {Uint8Array|null} [envelope] RelayFrame envelope
             * @property {string|null} [error] RelayFrame error
             * @property {Uint8Array|null} [absent] RelayFrame absent
             * @property {"challenge"|"auth"|"ready"|"envelope"|"error"|"absent"} [kind] RelayFrame kind
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RelayFrame.
             * @memberof tessera.v1
             * @interface IRelayFrame
             * @augments tessera.v1.RelayFrame.$Properties
             * @deprecated Use tessera.v1.RelayFrame.$Properties instead.
             */

            /**
             * Narrowed shape of a RelayFrame.
             * @typedef {{
             *   challenge?: Uint8Array|null;
             *   auth?: tessera.v1.AuthResponse.$Shape|null;
             *   ready?: boolean|null;
             *   envelope?: Uint8Array|null;
             *   error?: string|null;
             *   absent?: Uint8Array|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ kind?: undefined; challenge?: null; auth?: null; ready?: null; envelope?: null; error?: null; absent?: null }|{ kind?: "challenge"; challenge: Uint8Array; auth?: null; ready?: null; envelope?: null; error?: null; absent?: null }|{ kind?: "auth"; challenge?: null; auth: tessera.v1.AuthResponse.$Shape; ready?: null; envelope?: null; error?: null; absent?: null }|{ kind?: "ready"; challenge?: null; auth?: null; ready: boolean; envelope?: null; error?: null; absent?: null }|{ kind?: "envelope"; challenge?: null; auth?: null; ready?: null; envelope: Uint8Array; error?: null; absent?: null }|{ kind?: "error"; challenge?: null; auth?: null; ready?: null; envelope?: null; error: string; absent?: null }|{ kind?: "absent"; challenge?: null; auth?: null; ready?: null; envelope?: null; error?: null; absent: Uint8Array })
             * )} tessera.v1.RelayFrame.$Shape
             */

            /**
             * Constructs a new RelayFrame.
             * @memberof tessera.v1
             * @classdesc Represents a RelayFrame.
             * @constructor
             * @param {tessera.v1.RelayFrame.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RelayFrame = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RelayFrame challenge.
             * @member {Uint8Array|null|undefined} challenge
             * @memberof tessera.v1.RelayFrame
             * @instance
             */
            RelayFrame.prototype.challenge = null;

            /**
             * RelayFrame auth.
             * @member {tessera.v1.AuthResponse.$Properties|null|undefined} auth
             * @memberof tessera.v1.RelayFrame
             * @instance
             */
            RelayFrame.prototype.auth = null;

            /**
             * RelayFrame ready.
             * @member {boolean|null|undefined} ready
             * @memberof tessera.v1.RelayFrame
             * @instance
             */
            RelayFrame.prototype.ready = null;

            /**
             * RelayFrame envelope.
             * @member {Uint8Array|null|undefined} envelope
             * @memberof tessera.v1.RelayFrame
             * @instance
             */
            RelayFrame.prototype.envelope = null;

            /**
             * RelayFrame error.
             * @member {string|null|undefined} error
             * @memberof tessera.v1.RelayFrame
             * @instance
             */
            RelayFrame.prototype.error = null;

            /**
             * RelayFrame absent.
             * @member {Uint8Array|null|undefined} absent
             * @memberof tessera.v1.RelayFrame
             * @instance
             */
            RelayFrame.prototype.absent = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * RelayFrame kind.
             * @member {"challenge"|"auth"|"ready"|"envelope"|"error"|"absent"|undefined} kind
             * @memberof tessera.v1.RelayFrame
             * @instance
             */
            $Object.defineProperty(RelayFrame.prototype, "kind", {
                get: $util.oneOfGetter($oneOfFields = ["challenge", "auth", "ready", "envelope", "error", "absent"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new RelayFrame instance using the specified properties.
             * @function create
             * @memberof tessera.v1.RelayFrame
             * @static
             * @param {tessera.v1.RelayFrame.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.RelayFrame} RelayFrame instance
             * @type {{
             *   (properties: tessera.v1.RelayFrame.$Shape): tessera.v1.RelayFrame & tessera.v1.RelayFrame.$Shape;
             *   (properties?: tessera.v1.RelayFrame.$Properties): tessera.v1.RelayFrame;
             * }}
             */
            RelayFrame.create = function(properties) {
                return new RelayFrame(properties);
            };

            /**
             * Encodes the specified RelayFrame message. Does not implicitly {@link tessera.v1.RelayFrame.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.RelayFrame
             * @static
             * @param {tessera.v1.RelayFrame.$Properties} m RelayFrame message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RelayFrame.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.challenge != null && $Object.hasOwnProperty.call(m, "challenge"))
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.challenge);
                if (m.auth != null && $Object.hasOwnProperty.call(m, "auth"))
                    $root.tessera.v1.AuthResponse.encode(m.auth, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (m.ready != null && $Object.hasOwnProperty.call(m, "ready"))
                    w.uint32(/* id 3, wireType 0 =*/24).bool(m.ready);
                if (m.envelope != null && $Object.hasOwnProperty.call(m, "envelope"))
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.envelope);
                if (m.error != null && $Object.hasOwnProperty.call(m, "error"))
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.error);
                if (m.absent != null && $Object.hasOwnProperty.call(m, "absent"))
                    w.uint32(/* id 6, wireType 2 =*/50).bytes(m.absent);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a RelayFrame message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.RelayFrame
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.RelayFrame & tessera.v1.RelayFrame.$Shape} RelayFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RelayFrame.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.RelayFrame();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.challenge = r.bytes();
                            m.kind = "challenge";
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.auth = $root.tessera.v1.AuthResponse.decode(r, r.size(), $undefined, q + 1, m.auth);
                            m.kind = "auth";
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            m.ready = r.bool();
                            m.kind = "ready";
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            m.envelope = r.bytes();
                            m.kind = "envelope";
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.error = r.stringVerify();
                            m.kind = "error";
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.absent = r.bytes();
                            m.kind = "absent";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for RelayFrame
             * @function getTypeUrl
             * @memberof tessera.v1.RelayFrame
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RelayFrame.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.RelayFrame";
            };

            return RelayFrame;
        })();

        v1.DkgRound1 = (function() {

            /**
             * Properties of a DkgRound1.
             * @typedef {Object} tessera.v1.DkgRound1.$Properties
             * @property {Uint8Array|null} [commitment] DkgRound1 commitment
             * @property {Uint8Array|null} [chainCodeCommitment] DkgRound1 chainCodeCommitment
             * @property {Uint8Array|null} [attestation] DkgRound1 attestation
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DkgRound1.
             * @memberof tessera.v1
             * @interface IDkgRound1
             * @augments tessera.v1.DkgRound1.$Properties
             * @deprecated Use tessera.v1.DkgRound1.$Properties instead.
             */

            /**
             * Shape of a DkgRound1.
             * @typedef {tessera.v1.DkgRound1.$Properties} tessera.v1.DkgRound1.$Shape
             */

            /**
             * Constructs a new DkgRound1.
             * @memberof tessera.v1
             * @classdesc Represents a DkgRound1.
             * @constructor
             * @param {tessera.v1.DkgRound1.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DkgRound1 = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * DkgRound1 commitment.
             * @member {Uint8Array} commitment
             * @memberof tessera.v1.DkgRound1
             * @instance
             */
            DkgRound1.prototype.commitment = $util.newBuffer([]);

            /**
             * DkgRound1 chainCodeCommitment.
             * @member {Uint8Array} chainCodeCommitment
             * @memberof tessera.v1.DkgRound1
             * @instance
             */
            DkgRound1.prototype.chainCodeCommitment = $util.newBuffer([]);

            /**
             * DkgRound1 attestation.
             * @member {Uint8Array} attestation
             * @memberof tessera.v1.DkgRound1
             * @instance
             */
            DkgRound1.prototype.attestation = $util.newBuffer([]);

            /**
             * Creates a new DkgRound1 instance using the specified properties.
             * @function create
             * @memberof tessera.v1.DkgRound1
             * @static
             * @param {tessera.v1.DkgRound1.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.DkgRound1} DkgRound1 instance
             * @type {{
             *   (properties: tessera.v1.DkgRound1.$Shape): tessera.v1.DkgRound1 & tessera.v1.DkgRound1.$Shape;
             *   (properties?: tessera.v1.DkgRound1.$Properties): tessera.v1.DkgRound1;
             * }}
             */
            DkgRound1.create = function(properties) {
                return new DkgRound1(properties);
            };

            /**
             * Encodes the specified DkgRound1 message. Does not implicitly {@link tessera.v1.DkgRound1.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.DkgRound1
             * @static
             * @param {tessera.v1.DkgRound1.$Properties} m DkgRound1 message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DkgRound1.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.chainCodeCommitment != null && $Object.hasOwnProperty.call(m, "chainCodeCommitment") && m.chainCodeCommitment.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.chainCodeCommitment);
                if (m.attestation != null && $Object.hasOwnProperty.call(m, "attestation") && m.attestation.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.attestation);
                if (m.commitment != null && $Object.hasOwnProperty.call(m, "commitment") && m.commitment.length)
                    w.uint32(/* id 5, wireType 2 =*/42).bytes(m.commitment);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a DkgRound1 message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.DkgRound1
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.DkgRound1 & tessera.v1.DkgRound1.$Shape} DkgRound1
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DkgRound1.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.DkgRound1();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.commitment = v;
                            else
                                delete m.commitment;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.chainCodeCommitment = v;
                            else
                                delete m.chainCodeCommitment;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.attestation = v;
                            else
                                delete m.attestation;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for DkgRound1
             * @function getTypeUrl
             * @memberof tessera.v1.DkgRound1
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DkgRound1.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.DkgRound1";
            };

            return DkgRound1;
        })();

        v1.DkgRound2 = (function() {

            /**
             * Properties of a DkgRound2.
             * @typedef {Object} tessera.v1.DkgRound2.$Properties
             * @property {Uint8Array|null} [share] DkgRound2 share
             * @property {Uint8Array|null} [echo] DkgRound2 echo
             * @property {Uint8Array|null} [chainCode] DkgRound2 chainCode
             * @property {Array.<Uint8Array>|null} [vssCommitment] DkgRound2 vssCommitment
             * @property {Uint8Array|null} [proof] DkgRound2 proof
             * @property {Uint8Array|null} [blind] DkgRound2 blind
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DkgRound2.
             * @memberof tessera.v1
             * @interface IDkgRound2
             * @augments tessera.v1.DkgRound2.$Properties
             * @deprecated Use tessera.v1.DkgRound2.$Properties instead.
             */

            /**
             * Shape of a DkgRound2.
             * @typedef {tessera.v1.DkgRound2.$Properties} tessera.v1.DkgRound2.$Shape
             */

            /**
             * Constructs a new DkgRound2.
             * @memberof tessera.v1
             * @classdesc Represents a DkgRound2.
             * @constructor
             * @param {tessera.v1.DkgRound2.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DkgRound2 = function (p) {
                this.vssCommitment = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * DkgRound2 share.
             * @member {Uint8Array} share
             * @memberof tessera.v1.DkgRound2
             * @instance
             */
            DkgRound2.prototype.share = $util.newBuffer([]);

            /**
             * DkgRound2 echo.
             * @member {Uint8Array} echo
             * @memberof tessera.v1.DkgRound2
             * @instance
             */
            DkgRound2.prototype.echo = $util.newBuffer([]);

            /**
             * DkgRound2 chainCode.
             * @member {Uint8Array} chainCode
             * @memberof tessera.v1.DkgRound2
             * @instance
             */
            DkgRound2.prototype.chainCode = $util.newBuffer([]);

            /**
             * DkgRound2 vssCommitment.
             * @member {Array.<Uint8Array>} vssCommitment
             * @memberof tessera.v1.DkgRound2
             * @instance
             */
            DkgRound2.prototype.vssCommitment = $util.emptyArray;

            /**
             * DkgRound2 proof.
             * @member {Uint8Array} proof
             * @memberof tessera.v1.DkgRound2
             * @instance
             */
            DkgRound2.prototype.proof = $util.newBuffer([]);

            /**
             * DkgRound2 blind.
             * @member {Uint8Array} blind
             * @memberof tessera.v1.DkgRound2
             * @instance
             */
            DkgRound2.prototype.blind = $util.newBuffer([]);

            /**
             * Creates a new DkgRound2 instance using the specified properties.
             * @function create
             * @memberof tessera.v1.DkgRound2
             * @static
             * @param {tessera.v1.DkgRound2.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.DkgRound2} DkgRound2 instance
             * @type {{
             *   (properties: tessera.v1.DkgRound2.$Shape): tessera.v1.DkgRound2 & tessera.v1.DkgRound2.$Shape;
             *   (properties?: tessera.v1.DkgRound2.$Properties): tessera.v1.DkgRound2;
             * }}
             */
            DkgRound2.create = function(properties) {
                return new DkgRound2(properties);
            };

            /**
             * Encodes the specified DkgRound2 message. Does not implicitly {@link tessera.v1.DkgRound2.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.DkgRound2
             * @static
             * @param {tessera.v1.DkgRound2.$Properties} m DkgRound2 message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DkgRound2.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.share != null && $Object.hasOwnProperty.call(m, "share") && m.share.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.share);
                if (m.echo != null && $Object.hasOwnProperty.call(m, "echo") && m.echo.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.echo);
                if (m.chainCode != null && $Object.hasOwnProperty.call(m, "chainCode") && m.chainCode.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.chainCode);
                if (m.vssCommitment != null && m.vssCommitment.length) {
                    for (var i = 0; i < m.vssCommitment.length; ++i)
                        w.uint32(/* id 4, wireType 2 =*/34).bytes(m.vssCommitment[i]);
                }
                if (m.proof != null && $Object.hasOwnProperty.call(m, "proof") && m.proof.length)
                    w.uint32(/* id 5, wireType 2 =*/42).bytes(m.proof);
                if (m.blind != null && $Object.hasOwnProperty.call(m, "blind") && m.blind.length)
                    w.uint32(/* id 6, wireType 2 =*/50).bytes(m.blind);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a DkgRound2 message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.DkgRound2
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.DkgRound2 & tessera.v1.DkgRound2.$Shape} DkgRound2
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DkgRound2.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.DkgRound2();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.share = v;
                            else
                                delete m.share;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.echo = v;
                            else
                                delete m.echo;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.chainCode = v;
                            else
                                delete m.chainCode;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.vssCommitment && m.vssCommitment.length))
                                m.vssCommitment = [];
                            m.vssCommitment.push(r.bytes());
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.proof = v;
                            else
                                delete m.proof;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.blind = v;
                            else
                                delete m.blind;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for DkgRound2
             * @function getTypeUrl
             * @memberof tessera.v1.DkgRound2
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DkgRound2.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.DkgRound2";
            };

            return DkgRound2;
        })();

        v1.DkgRound3 = (function() {

            /**
             * Properties of a DkgRound3.
             * @typedef {Object} tessera.v1.DkgRound3.$Properties
             * @property {Uint8Array|null} [confirmation] DkgRound3 confirmation
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DkgRound3.
             * @memberof tessera.v1
             * @interface IDkgRound3
             * @augments tessera.v1.DkgRound3.$Properties
             * @deprecated Use tessera.v1.DkgRound3.$Properties instead.
             */

            /**
             * Shape of a DkgRound3.
             * @typedef {tessera.v1.DkgRound3.$Properties} tessera.v1.DkgRound3.$Shape
             */

            /**
             * Constructs a new DkgRound3.
             * @memberof tessera.v1
             * @classdesc Represents a DkgRound3.
             * @constructor
             * @param {tessera.v1.DkgRound3.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DkgRound3 = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * DkgRound3 confirmation.
             * @member {Uint8Array} confirmation
             * @memberof tessera.v1.DkgRound3
             * @instance
             */
            DkgRound3.prototype.confirmation = $util.newBuffer([]);

            /**
             * Creates a new DkgRound3 instance using the specified properties.
             * @function create
             * @memberof tessera.v1.DkgRound3
             * @static
             * @param {tessera.v1.DkgRound3.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.DkgRound3} DkgRound3 instance
             * @type {{
             *   (properties: tessera.v1.DkgRound3.$Shape): tessera.v1.DkgRound3 & tessera.v1.DkgRound3.$Shape;
             *   (properties?: tessera.v1.DkgRound3.$Properties): tessera.v1.DkgRound3;
             * }}
             */
            DkgRound3.create = function(properties) {
                return new DkgRound3(properties);
            };

            /**
             * Encodes the specified DkgRound3 message. Does not implicitly {@link tessera.v1.DkgRound3.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.DkgRound3
             * @static
             * @param {tessera.v1.DkgRound3.$Properties} m DkgRound3 message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DkgRound3.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.confirmation != null && $Object.hasOwnProperty.call(m, "confirmation") && m.confirmation.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.confirmation);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a DkgRound3 message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.DkgRound3
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.DkgRound3 & tessera.v1.DkgRound3.$Shape} DkgRound3
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DkgRound3.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.DkgRound3();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.confirmation = v;
                            else
                                delete m.confirmation;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for DkgRound3
             * @function getTypeUrl
             * @memberof tessera.v1.DkgRound3
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DkgRound3.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.DkgRound3";
            };

            return DkgRound3;
        })();

        v1.FrostRound1 = (function() {

            /**
             * Properties of a FrostRound1.
             * @typedef {Object} tessera.v1.FrostRound1.$Properties
             * @property {number|null} [identifier] FrostRound1 identifier
             * @property {Uint8Array|null} [hiding] FrostRound1 hiding
             * @property {Uint8Array|null} [binding] FrostRound1 binding
             * @property {Uint8Array|null} [attestation] FrostRound1 attestation
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FrostRound1.
             * @memberof tessera.v1
             * @interface IFrostRound1
             * @augments tessera.v1.FrostRound1.$Properties
             * @deprecated Use tessera.v1.FrostRound1.$Properties instead.
             */

            /**
             * Shape of a FrostRound1.
             * @typedef {tessera.v1.FrostRound1.$Properties} tessera.v1.FrostRound1.$Shape
             */

            /**
             * Constructs a new FrostRound1.
             * @memberof tessera.v1
             * @classdesc Represents a FrostRound1.
             * @constructor
             * @param {tessera.v1.FrostRound1.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FrostRound1 = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * FrostRound1 identifier.
             * @member {number} identifier
             * @memberof tessera.v1.FrostRound1
             * @instance
             */
            FrostRound1.prototype.identifier = 0;

            /**
             * FrostRound1 hiding.
             * @member {Uint8Array} hiding
             * @memberof tessera.v1.FrostRound1
             * @instance
             */
            FrostRound1.prototype.hiding = $util.newBuffer([]);

            /**
             * FrostRound1 binding.
             * @member {Uint8Array} binding
             * @memberof tessera.v1.FrostRound1
             * @instance
             */
            FrostRound1.prototype.binding = $util.newBuffer([]);

            /**
             * FrostRound1 attestation.
             * @member {Uint8Array} attestation
             * @memberof tessera.v1.FrostRound1
             * @instance
             */
            FrostRound1.prototype.attestation = $util.newBuffer([]);

            /**
             * Creates a new FrostRound1 instance using the specified properties.
             * @function create
             * @memberof tessera.v1.FrostRound1
             * @static
             * @param {tessera.v1.FrostRound1.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.FrostRound1} FrostRound1 instance
             * @type {{
             *   (properties: tessera.v1.FrostRound1.$Shape): tessera.v1.FrostRound1 & tessera.v1.FrostRound1.$Shape;
             *   (properties?: tessera.v1.FrostRound1.$Properties): tessera.v1.FrostRound1;
             * }}
             */
            FrostRound1.create = function(properties) {
                return new FrostRound1(properties);
            };

            /**
             * Encodes the specified FrostRound1 message. Does not implicitly {@link tessera.v1.FrostRound1.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.FrostRound1
             * @static
             * @param {tessera.v1.FrostRound1.$Properties} m FrostRound1 message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FrostRound1.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.identifier != null && $Object.hasOwnProperty.call(m, "identifier") && m.identifier !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.identifier);
                if (m.hiding != null && $Object.hasOwnProperty.call(m, "hiding") && m.hiding.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.hiding);
                if (m.binding != null && $Object.hasOwnProperty.call(m, "binding") && m.binding.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.binding);
                if (m.attestation != null && $Object.hasOwnProperty.call(m, "attestation") && m.attestation.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.attestation);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a FrostRound1 message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.FrostRound1
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.FrostRound1 & tessera.v1.FrostRound1.$Shape} FrostRound1
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FrostRound1.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.FrostRound1();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.identifier = v;
                            else
                                delete m.identifier;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.hiding = v;
                            else
                                delete m.hiding;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.binding = v;
                            else
                                delete m.binding;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.attestation = v;
                            else
                                delete m.attestation;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for FrostRound1
             * @function getTypeUrl
             * @memberof tessera.v1.FrostRound1
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FrostRound1.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.FrostRound1";
            };

            return FrostRound1;
        })();

        v1.FrostRound2 = (function() {

            /**
             * Properties of a FrostRound2.
             * @typedef {Object} tessera.v1.FrostRound2.$Properties
             * @property {Uint8Array|null} [share] FrostRound2 share
             * @property {Uint8Array|null} [echo] FrostRound2 echo
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FrostRound2.
             * @memberof tessera.v1
             * @interface IFrostRound2
             * @augments tessera.v1.FrostRound2.$Properties
             * @deprecated Use tessera.v1.FrostRound2.$Properties instead.
             */

            /**
             * Shape of a FrostRound2.
             * @typedef {tessera.v1.FrostRound2.$Properties} tessera.v1.FrostRound2.$Shape
             */

            /**
             * Constructs a new FrostRound2.
             * @memberof tessera.v1
             * @classdesc Represents a FrostRound2.
             * @constructor
             * @param {tessera.v1.FrostRound2.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FrostRound2 = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * FrostRound2 share.
             * @member {Uint8Array} share
             * @memberof tessera.v1.FrostRound2
             * @instance
             */
            FrostRound2.prototype.share = $util.newBuffer([]);

            /**
             * FrostRound2 echo.
             * @member {Uint8Array} echo
             * @memberof tessera.v1.FrostRound2
             * @instance
             */
            FrostRound2.prototype.echo = $util.newBuffer([]);

            /**
             * Creates a new FrostRound2 instance using the specified properties.
             * @function create
             * @memberof tessera.v1.FrostRound2
             * @static
             * @param {tessera.v1.FrostRound2.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.FrostRound2} FrostRound2 instance
             * @type {{
             *   (properties: tessera.v1.FrostRound2.$Shape): tessera.v1.FrostRound2 & tessera.v1.FrostRound2.$Shape;
             *   (properties?: tessera.v1.FrostRound2.$Properties): tessera.v1.FrostRound2;
             * }}
             */
            FrostRound2.create = function(properties) {
                return new FrostRound2(properties);
            };

            /**
             * Encodes the specified FrostRound2 message. Does not implicitly {@link tessera.v1.FrostRound2.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.FrostRound2
             * @static
             * @param {tessera.v1.FrostRound2.$Properties} m FrostRound2 message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FrostRound2.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.share != null && $Object.hasOwnProperty.call(m, "share") && m.share.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.share);
                if (m.echo != null && $Object.hasOwnProperty.call(m, "echo") && m.echo.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.echo);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a FrostRound2 message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.FrostRound2
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.FrostRound2 & tessera.v1.FrostRound2.$Shape} FrostRound2
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FrostRound2.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.FrostRound2();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.share = v;
                            else
                                delete m.share;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.echo = v;
                            else
                                delete m.echo;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for FrostRound2
             * @function getTypeUrl
             * @memberof tessera.v1.FrostRound2
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FrostRound2.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.FrostRound2";
            };

            return FrostRound2;
        })();

        v1.AbortNotice = (function() {

            /**
             * Properties of an AbortNotice.
             * @typedef {Object} tessera.v1.AbortNotice.$Properties
             * @property {string|null} [code] AbortNotice code
             * @property {Array.<number>|null} [culprits] AbortNotice culprits
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AbortNotice.
             * @memberof tessera.v1
             * @interface IAbortNotice
             * @augments tessera.v1.AbortNotice.$Properties
             * @deprecated Use tessera.v1.AbortNotice.$Properties instead.
             */

            /**
             * Shape of an AbortNotice.
             * @typedef {tessera.v1.AbortNotice.$Properties} tessera.v1.AbortNotice.$Shape
             */

            /**
             * Constructs a new AbortNotice.
             * @memberof tessera.v1
             * @classdesc Represents an AbortNotice.
             * @constructor
             * @param {tessera.v1.AbortNotice.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AbortNotice = function (p) {
                this.culprits = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * AbortNotice code.
             * @member {string} code
             * @memberof tessera.v1.AbortNotice
             * @instance
             */
            AbortNotice.prototype.code = "";

            /**
             * AbortNotice culprits.
             * @member {Array.<number>} culprits
             * @memberof tessera.v1.AbortNotice
             * @instance
             */
            AbortNotice.prototype.culprits = $util.emptyArray;

            /**
             * Creates a new AbortNotice instance using the specified properties.
             * @function create
             * @memberof tessera.v1.AbortNotice
             * @static
             * @param {tessera.v1.AbortNotice.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.AbortNotice} AbortNotice instance
             * @type {{
             *   (properties: tessera.v1.AbortNotice.$Shape): tessera.v1.AbortNotice & tessera.v1.AbortNotice.$Shape;
             *   (properties?: tessera.v1.AbortNotice.$Properties): tessera.v1.AbortNotice;
             * }}
             */
            AbortNotice.create = function(properties) {
                return new AbortNotice(properties);
            };

            /**
             * Encodes the specified AbortNotice message. Does not implicitly {@link tessera.v1.AbortNotice.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.AbortNotice
             * @static
             * @param {tessera.v1.AbortNotice.$Properties} m AbortNotice message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AbortNotice.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.code != null && $Object.hasOwnProperty.call(m, "code") && m.code !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.code);
                if (m.culprits != null && m.culprits.length) {
                    w.uint32(/* id 2, wireType 2 =*/18).uint32s(m.culprits);
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an AbortNotice message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.AbortNotice
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.AbortNotice & tessera.v1.AbortNotice.$Shape} AbortNotice
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AbortNotice.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.AbortNotice();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.code = v;
                            else
                                delete m.code;
                            continue;
                        }
                    case 2: {
                            if (u === 2) {
                                if (!(m.culprits && m.culprits.length))
                                    m.culprits = [];
                                r.uint32s(m.culprits);
                                continue;
                            }
                            if (u !== 0)
                                break;
                            if (!(m.culprits && m.culprits.length))
                                m.culprits = [];
                            m.culprits.push(r.uint32());
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for AbortNotice
             * @function getTypeUrl
             * @memberof tessera.v1.AbortNotice
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AbortNotice.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.AbortNotice";
            };

            return AbortNotice;
        })();

        v1.EcdsaSetupRound1 = (function() {

            /**
             * Properties of an EcdsaSetupRound1.
             * @typedef {Object} tessera.v1.EcdsaSetupRound1.$Properties
             * @property {Uint8Array|null} [baseOt] EcdsaSetupRound1 baseOt
             * @property {Uint8Array|null} [zeta] EcdsaSetupRound1 zeta
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EcdsaSetupRound1.
             * @memberof tessera.v1
             * @interface IEcdsaSetupRound1
             * @augments tessera.v1.EcdsaSetupRound1.$Properties
             * @deprecated Use tessera.v1.EcdsaSetupRound1.$Properties instead.
             */

            /**
             * Shape of an EcdsaSetupRound1.
             * @typedef {tessera.v1.EcdsaSetupRound1.$Properties} tessera.v1.EcdsaSetupRound1.$Shape
             */

            /**
             * Constructs a new EcdsaSetupRound1.
             * @memberof tessera.v1
             * @classdesc Represents an EcdsaSetupRound1.
             * @constructor
             * @param {tessera.v1.EcdsaSetupRound1.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EcdsaSetupRound1 = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * EcdsaSetupRound1 baseOt.
             * @member {Uint8Array} baseOt
             * @memberof tessera.v1.EcdsaSetupRound1
             * @instance
             */
            EcdsaSetupRound1.prototype.baseOt = $util.newBuffer([]);

            /**
             * EcdsaSetupRound1 zeta.
             * @member {Uint8Array} zeta
             * @memberof tessera.v1.EcdsaSetupRound1
             * @instance
             */
            EcdsaSetupRound1.prototype.zeta = $util.newBuffer([]);

            /**
             * Creates a new EcdsaSetupRound1 instance using the specified properties.
             * @function create
             * @memberof tessera.v1.EcdsaSetupRound1
             * @static
             * @param {tessera.v1.EcdsaSetupRound1.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.EcdsaSetupRound1} EcdsaSetupRound1 instance
             * @type {{
             *   (properties: tessera.v1.EcdsaSetupRound1.$Shape): tessera.v1.EcdsaSetupRound1 & tessera.v1.EcdsaSetupRound1.$Shape;
             *   (properties?: tessera.v1.EcdsaSetupRound1.$Properties): tessera.v1.EcdsaSetupRound1;
             * }}
             */
            EcdsaSetupRound1.create = function(properties) {
                return new EcdsaSetupRound1(properties);
            };

            /**
             * Encodes the specified EcdsaSetupRound1 message. Does not implicitly {@link tessera.v1.EcdsaSetupRound1.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.EcdsaSetupRound1
             * @static
             * @param {tessera.v1.EcdsaSetupRound1.$Properties} m EcdsaSetupRound1 message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EcdsaSetupRound1.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.baseOt != null && $Object.hasOwnProperty.call(m, "baseOt") && m.baseOt.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.baseOt);
                if (m.zeta != null && $Object.hasOwnProperty.call(m, "zeta") && m.zeta.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.zeta);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an EcdsaSetupRound1 message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.EcdsaSetupRound1
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.EcdsaSetupRound1 & tessera.v1.EcdsaSetupRound1.$Shape} EcdsaSetupRound1
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EcdsaSetupRound1.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.EcdsaSetupRound1();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.baseOt = v;
                            else
                                delete m.baseOt;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.zeta = v;
                            else
                                delete m.zeta;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for EcdsaSetupRound1
             * @function getTypeUrl
             * @memberof tessera.v1.EcdsaSetupRound1
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EcdsaSetupRound1.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.EcdsaSetupRound1";
            };

            return EcdsaSetupRound1;
        })();

        v1.EcdsaSetupRound2 = (function() {

            /**
             * Properties of an EcdsaSetupRound2.
             * @typedef {Object} tessera.v1.EcdsaSetupRound2.$Properties
             * @property {Uint8Array|null} [baseOt] EcdsaSetupRound2 baseOt
             * @property {Uint8Array|null} [pprf] EcdsaSetupRound2 pprf
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EcdsaSetupRound2.
             * @memberof tessera.v1
             * @interface IEcdsaSetupRound2
             * @augments tessera.v1.EcdsaSetupRound2.$Properties
             * @deprecated Use tessera.v1.EcdsaSetupRound2.$Properties instead.
             */

            /**
             * Shape of an EcdsaSetupRound2.
             * @typedef {tessera.v1.EcdsaSetupRound2.$Properties} tessera.v1.EcdsaSetupRound2.$Shape
             */

            /**
             * Constructs a new EcdsaSetupRound2.
             * @memberof tessera.v1
             * @classdesc Represents an EcdsaSetupRound2.
             * @constructor
             * @param {tessera.v1.EcdsaSetupRound2.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EcdsaSetupRound2 = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * EcdsaSetupRound2 baseOt.
             * @member {Uint8Array} baseOt
             * @memberof tessera.v1.EcdsaSetupRound2
             * @instance
             */
            EcdsaSetupRound2.prototype.baseOt = $util.newBuffer([]);

            /**
             * EcdsaSetupRound2 pprf.
             * @member {Uint8Array} pprf
             * @memberof tessera.v1.EcdsaSetupRound2
             * @instance
             */
            EcdsaSetupRound2.prototype.pprf = $util.newBuffer([]);

            /**
             * Creates a new EcdsaSetupRound2 instance using the specified properties.
             * @function create
             * @memberof tessera.v1.EcdsaSetupRound2
             * @static
             * @param {tessera.v1.EcdsaSetupRound2.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.EcdsaSetupRound2} EcdsaSetupRound2 instance
             * @type {{
             *   (properties: tessera.v1.EcdsaSetupRound2.$Shape): tessera.v1.EcdsaSetupRound2 & tessera.v1.EcdsaSetupRound2.$Shape;
             *   (properties?: tessera.v1.EcdsaSetupRound2.$Properties): tessera.v1.EcdsaSetupRound2;
             * }}
             */
            EcdsaSetupRound2.create = function(properties) {
                return new EcdsaSetupRound2(properties);
            };

            /**
             * Encodes the specified EcdsaSetupRound2 message. Does not implicitly {@link tessera.v1.EcdsaSetupRound2.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.EcdsaSetupRound2
             * @static
             * @param {tessera.v1.EcdsaSetupRound2.$Properties} m EcdsaSetupRound2 message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EcdsaSetupRound2.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.baseOt != null && $Object.hasOwnProperty.call(m, "baseOt") && m.baseOt.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.baseOt);
                if (m.pprf != null && $Object.hasOwnProperty.call(m, "pprf") && m.pprf.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.pprf);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an EcdsaSetupRound2 message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.EcdsaSetupRound2
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.EcdsaSetupRound2 & tessera.v1.EcdsaSetupRound2.$Shape} EcdsaSetupRound2
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EcdsaSetupRound2.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.EcdsaSetupRound2();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.baseOt = v;
                            else
                                delete m.baseOt;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.pprf = v;
                            else
                                delete m.pprf;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for EcdsaSetupRound2
             * @function getTypeUrl
             * @memberof tessera.v1.EcdsaSetupRound2
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EcdsaSetupRound2.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.EcdsaSetupRound2";
            };

            return EcdsaSetupRound2;
        })();

        v1.EcdsaConfirm = (function() {

            /**
             * Properties of an EcdsaConfirm.
             * @typedef {Object} tessera.v1.EcdsaConfirm.$Properties
             * @property {Uint8Array|null} [confirmation] EcdsaConfirm confirmation
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EcdsaConfirm.
             * @memberof tessera.v1
             * @interface IEcdsaConfirm
             * @augments tessera.v1.EcdsaConfirm.$Properties
             * @deprecated Use tessera.v1.EcdsaConfirm.$Properties instead.
             */

            /**
             * Shape of an EcdsaConfirm.
             * @typedef {tessera.v1.EcdsaConfirm.$Properties} tessera.v1.EcdsaConfirm.$Shape
             */

            /**
             * Constructs a new EcdsaConfirm.
             * @memberof tessera.v1
             * @classdesc Represents an EcdsaConfirm.
             * @constructor
             * @param {tessera.v1.EcdsaConfirm.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EcdsaConfirm = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * EcdsaConfirm confirmation.
             * @member {Uint8Array} confirmation
             * @memberof tessera.v1.EcdsaConfirm
             * @instance
             */
            EcdsaConfirm.prototype.confirmation = $util.newBuffer([]);

            /**
             * Creates a new EcdsaConfirm instance using the specified properties.
             * @function create
             * @memberof tessera.v1.EcdsaConfirm
             * @static
             * @param {tessera.v1.EcdsaConfirm.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.EcdsaConfirm} EcdsaConfirm instance
             * @type {{
             *   (properties: tessera.v1.EcdsaConfirm.$Shape): tessera.v1.EcdsaConfirm & tessera.v1.EcdsaConfirm.$Shape;
             *   (properties?: tessera.v1.EcdsaConfirm.$Properties): tessera.v1.EcdsaConfirm;
             * }}
             */
            EcdsaConfirm.create = function(properties) {
                return new EcdsaConfirm(properties);
            };

            /**
             * Encodes the specified EcdsaConfirm message. Does not implicitly {@link tessera.v1.EcdsaConfirm.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.EcdsaConfirm
             * @static
             * @param {tessera.v1.EcdsaConfirm.$Properties} m EcdsaConfirm message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EcdsaConfirm.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.confirmation != null && $Object.hasOwnProperty.call(m, "confirmation") && m.confirmation.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.confirmation);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an EcdsaConfirm message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.EcdsaConfirm
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.EcdsaConfirm & tessera.v1.EcdsaConfirm.$Shape} EcdsaConfirm
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EcdsaConfirm.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.EcdsaConfirm();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.confirmation = v;
                            else
                                delete m.confirmation;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for EcdsaConfirm
             * @function getTypeUrl
             * @memberof tessera.v1.EcdsaConfirm
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EcdsaConfirm.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.EcdsaConfirm";
            };

            return EcdsaConfirm;
        })();

        v1.EcdsaRound1 = (function() {

            /**
             * Properties of an EcdsaRound1.
             * @typedef {Object} tessera.v1.EcdsaRound1.$Properties
             * @property {Uint8Array|null} [sid] EcdsaRound1 sid
             * @property {Uint8Array|null} [commitment] EcdsaRound1 commitment
             * @property {Uint8Array|null} [context] EcdsaRound1 context
             * @property {Uint8Array|null} [attestation] EcdsaRound1 attestation
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EcdsaRound1.
             * @memberof tessera.v1
             * @interface IEcdsaRound1
             * @augments tessera.v1.EcdsaRound1.$Properties
             * @deprecated Use tessera.v1.EcdsaRound1.$Properties instead.
             */

            /**
             * Shape of an EcdsaRound1.
             * @typedef {tessera.v1.EcdsaRound1.$Properties} tessera.v1.EcdsaRound1.$Shape
             */

            /**
             * Constructs a new EcdsaRound1.
             * @memberof tessera.v1
             * @classdesc Represents an EcdsaRound1.
             * @constructor
             * @param {tessera.v1.EcdsaRound1.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EcdsaRound1 = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * EcdsaRound1 sid.
             * @member {Uint8Array} sid
             * @memberof tessera.v1.EcdsaRound1
             * @instance
             */
            EcdsaRound1.prototype.sid = $util.newBuffer([]);

            /**
             * EcdsaRound1 commitment.
             * @member {Uint8Array} commitment
             * @memberof tessera.v1.EcdsaRound1
             * @instance
             */
            EcdsaRound1.prototype.commitment = $util.newBuffer([]);

            /**
             * EcdsaRound1 context.
             * @member {Uint8Array} context
             * @memberof tessera.v1.EcdsaRound1
             * @instance
             */
            EcdsaRound1.prototype.context = $util.newBuffer([]);

            /**
             * EcdsaRound1 attestation.
             * @member {Uint8Array} attestation
             * @memberof tessera.v1.EcdsaRound1
             * @instance
             */
            EcdsaRound1.prototype.attestation = $util.newBuffer([]);

            /**
             * Creates a new EcdsaRound1 instance using the specified properties.
             * @function create
             * @memberof tessera.v1.EcdsaRound1
             * @static
             * @param {tessera.v1.EcdsaRound1.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.EcdsaRound1} EcdsaRound1 instance
             * @type {{
             *   (properties: tessera.v1.EcdsaRound1.$Shape): tessera.v1.EcdsaRound1 & tessera.v1.EcdsaRound1.$Shape;
             *   (properties?: tessera.v1.EcdsaRound1.$Properties): tessera.v1.EcdsaRound1;
             * }}
             */
            EcdsaRound1.create = function(properties) {
                return new EcdsaRound1(properties);
            };

            /**
             * Encodes the specified EcdsaRound1 message. Does not implicitly {@link tessera.v1.EcdsaRound1.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.EcdsaRound1
             * @static
             * @param {tessera.v1.EcdsaRound1.$Properties} m EcdsaRound1 message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EcdsaRound1.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.sid != null && $Object.hasOwnProperty.call(m, "sid") && m.sid.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.sid);
                if (m.commitment != null && $Object.hasOwnProperty.call(m, "commitment") && m.commitment.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.commitment);
                if (m.context != null && $Object.hasOwnProperty.call(m, "context") && m.context.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.context);
                if (m.attestation != null && $Object.hasOwnProperty.call(m, "attestation") && m.attestation.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.attestation);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an EcdsaRound1 message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.EcdsaRound1
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.EcdsaRound1 & tessera.v1.EcdsaRound1.$Shape} EcdsaRound1
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EcdsaRound1.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.EcdsaRound1();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.sid = v;
                            else
                                delete m.sid;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.commitment = v;
                            else
                                delete m.commitment;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.context = v;
                            else
                                delete m.context;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.attestation = v;
                            else
                                delete m.attestation;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for EcdsaRound1
             * @function getTypeUrl
             * @memberof tessera.v1.EcdsaRound1
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EcdsaRound1.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.EcdsaRound1";
            };

            return EcdsaRound1;
        })();

        v1.EcdsaRound2 = (function() {

            /**
             * Properties of an EcdsaRound2.
             * @typedef {Object} tessera.v1.EcdsaRound2.$Properties
             * @property {Uint8Array|null} [echo] EcdsaRound2 echo
             * @property {Uint8Array|null} [rvole] EcdsaRound2 rvole
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EcdsaRound2.
             * @memberof tessera.v1
             * @interface IEcdsaRound2
             * @augments tessera.v1.EcdsaRound2.$Properties
             * @deprecated Use tessera.v1.EcdsaRound2.$Properties instead.
             */

            /**
             * Shape of an EcdsaRound2.
             * @typedef {tessera.v1.EcdsaRound2.$Properties} tessera.v1.EcdsaRound2.$Shape
             */

            /**
             * Constructs a new EcdsaRound2.
             * @memberof tessera.v1
             * @classdesc Represents an EcdsaRound2.
             * @constructor
             * @param {tessera.v1.EcdsaRound2.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EcdsaRound2 = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * EcdsaRound2 echo.
             * @member {Uint8Array} echo
             * @memberof tessera.v1.EcdsaRound2
             * @instance
             */
            EcdsaRound2.prototype.echo = $util.newBuffer([]);

            /**
             * EcdsaRound2 rvole.
             * @member {Uint8Array} rvole
             * @memberof tessera.v1.EcdsaRound2
             * @instance
             */
            EcdsaRound2.prototype.rvole = $util.newBuffer([]);

            /**
             * Creates a new EcdsaRound2 instance using the specified properties.
             * @function create
             * @memberof tessera.v1.EcdsaRound2
             * @static
             * @param {tessera.v1.EcdsaRound2.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.EcdsaRound2} EcdsaRound2 instance
             * @type {{
             *   (properties: tessera.v1.EcdsaRound2.$Shape): tessera.v1.EcdsaRound2 & tessera.v1.EcdsaRound2.$Shape;
             *   (properties?: tessera.v1.EcdsaRound2.$Properties): tessera.v1.EcdsaRound2;
             * }}
             */
            EcdsaRound2.create = function(properties) {
                return new EcdsaRound2(properties);
            };

            /**
             * Encodes the specified EcdsaRound2 message. Does not implicitly {@link tessera.v1.EcdsaRound2.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.EcdsaRound2
             * @static
             * @param {tessera.v1.EcdsaRound2.$Properties} m EcdsaRound2 message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EcdsaRound2.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.echo != null && $Object.hasOwnProperty.call(m, "echo") && m.echo.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.echo);
                if (m.rvole != null && $Object.hasOwnProperty.call(m, "rvole") && m.rvole.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.rvole);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an EcdsaRound2 message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.EcdsaRound2
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.EcdsaRound2 & tessera.v1.EcdsaRound2.$Shape} EcdsaRound2
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EcdsaRound2.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.EcdsaRound2();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.echo = v;
                            else
                                delete m.echo;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.rvole = v;
                            else
                                delete m.rvole;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for EcdsaRound2
             * @function getTypeUrl
             * @memberof tessera.v1.EcdsaRound2
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EcdsaRound2.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.EcdsaRound2";
            };

            return EcdsaRound2;
        })();

        v1.EcdsaRound3 = (function() {

            /**
             * Properties of an EcdsaRound3.
             * @typedef {Object} tessera.v1.EcdsaRound3.$Properties
             * @property {Uint8Array|null} [rvole] EcdsaRound3 rvole
             * @property {Uint8Array|null} [pk] EcdsaRound3 pk
             * @property {Uint8Array|null} [R] EcdsaRound3 R
             * @property {Uint8Array|null} [blind] EcdsaRound3 blind
             * @property {Uint8Array|null} [gammaU] EcdsaRound3 gammaU
             * @property {Uint8Array|null} [gammaV] EcdsaRound3 gammaV
             * @property {Uint8Array|null} [psi] EcdsaRound3 psi
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EcdsaRound3.
             * @memberof tessera.v1
             * @interface IEcdsaRound3
             * @augments tessera.v1.EcdsaRound3.$Properties
             * @deprecated Use tessera.v1.EcdsaRound3.$Properties instead.
             */

            /**
             * Shape of an EcdsaRound3.
             * @typedef {tessera.v1.EcdsaRound3.$Properties} tessera.v1.EcdsaRound3.$Shape
             */

            /**
             * Constructs a new EcdsaRound3.
             * @memberof tessera.v1
             * @classdesc Represents an EcdsaRound3.
             * @constructor
             * @param {tessera.v1.EcdsaRound3.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EcdsaRound3 = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * EcdsaRound3 rvole.
             * @member {Uint8Array} rvole
             * @memberof tessera.v1.EcdsaRound3
             * @instance
             */
            EcdsaRound3.prototype.rvole = $util.newBuffer([]);

            /**
             * EcdsaRound3 pk.
             * @member {Uint8Array} pk
             * @memberof tessera.v1.EcdsaRound3
             * @instance
             */
            EcdsaRound3.prototype.pk = $util.newBuffer([]);

            /**
             * EcdsaRound3 R.
             * @member {Uint8Array} R
             * @memberof tessera.v1.EcdsaRound3
             * @instance
             */
            EcdsaRound3.prototype.R = $util.newBuffer([]);

            /**
             * EcdsaRound3 blind.
             * @member {Uint8Array} blind
             * @memberof tessera.v1.EcdsaRound3
             * @instance
             */
            EcdsaRound3.prototype.blind = $util.newBuffer([]);

            /**
             * EcdsaRound3 gammaU.
             * @member {Uint8Array} gammaU
             * @memberof tessera.v1.EcdsaRound3
             * @instance
             */
            EcdsaRound3.prototype.gammaU = $util.newBuffer([]);

            /**
             * EcdsaRound3 gammaV.
             * @member {Uint8Array} gammaV
             * @memberof tessera.v1.EcdsaRound3
             * @instance
             */
            EcdsaRound3.prototype.gammaV = $util.newBuffer([]);

            /**
             * EcdsaRound3 psi.
             * @member {Uint8Array} psi
             * @memberof tessera.v1.EcdsaRound3
             * @instance
             */
            EcdsaRound3.prototype.psi = $util.newBuffer([]);

            /**
             * Creates a new EcdsaRound3 instance using the specified properties.
             * @function create
             * @memberof tessera.v1.EcdsaRound3
             * @static
             * @param {tessera.v1.EcdsaRound3.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.EcdsaRound3} EcdsaRound3 instance
             * @type {{
             *   (properties: tessera.v1.EcdsaRound3.$Shape): tessera.v1.EcdsaRound3 & tessera.v1.EcdsaRound3.$Shape;
             *   (properties?: tessera.v1.EcdsaRound3.$Properties): tessera.v1.EcdsaRound3;
             * }}
             */
            EcdsaRound3.create = function(properties) {
                return new EcdsaRound3(properties);
            };

            /**
             * Encodes the specified EcdsaRound3 message. Does not implicitly {@link tessera.v1.EcdsaRound3.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.EcdsaRound3
             * @static
             * @param {tessera.v1.EcdsaRound3.$Properties} m EcdsaRound3 message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EcdsaRound3.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.rvole != null && $Object.hasOwnProperty.call(m, "rvole") && m.rvole.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.rvole);
                if (m.pk != null && $Object.hasOwnProperty.call(m, "pk") && m.pk.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.pk);
                if (m.R != null && $Object.hasOwnProperty.call(m, "R") && m.R.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.R);
                if (m.blind != null && $Object.hasOwnProperty.call(m, "blind") && m.blind.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.blind);
                if (m.gammaU != null && $Object.hasOwnProperty.call(m, "gammaU") && m.gammaU.length)
                    w.uint32(/* id 5, wireType 2 =*/42).bytes(m.gammaU);
                if (m.gammaV != null && $Object.hasOwnProperty.call(m, "gammaV") && m.gammaV.length)
                    w.uint32(/* id 6, wireType 2 =*/50).bytes(m.gammaV);
                if (m.psi != null && $Object.hasOwnProperty.call(m, "psi") && m.psi.length)
                    w.uint32(/* id 7, wireType 2 =*/58).bytes(m.psi);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an EcdsaRound3 message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.EcdsaRound3
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.EcdsaRound3 & tessera.v1.EcdsaRound3.$Shape} EcdsaRound3
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EcdsaRound3.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.EcdsaRound3();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.rvole = v;
                            else
                                delete m.rvole;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.pk = v;
                            else
                                delete m.pk;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.R = v;
                            else
                                delete m.R;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.blind = v;
                            else
                                delete m.blind;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.gammaU = v;
                            else
                                delete m.gammaU;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.gammaV = v;
                            else
                                delete m.gammaV;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.psi = v;
                            else
                                delete m.psi;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for EcdsaRound3
             * @function getTypeUrl
             * @memberof tessera.v1.EcdsaRound3
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EcdsaRound3.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.EcdsaRound3";
            };

            return EcdsaRound3;
        })();

        v1.EcdsaRound4 = (function() {

            /**
             * Properties of an EcdsaRound4.
             * @typedef {Object} tessera.v1.EcdsaRound4.$Properties
             * @property {Uint8Array|null} [presignature] EcdsaRound4 presignature
             * @property {Uint8Array|null} [digest] EcdsaRound4 digest
             * @property {Uint8Array|null} [w] EcdsaRound4 w
             * @property {Uint8Array|null} [u] EcdsaRound4 u
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EcdsaRound4.
             * @memberof tessera.v1
             * @interface IEcdsaRound4
             * @augments tessera.v1.EcdsaRound4.$Properties
             * @deprecated Use tessera.v1.EcdsaRound4.$Properties instead.
             */

            /**
             * Shape of an EcdsaRound4.
             * @typedef {tessera.v1.EcdsaRound4.$Properties} tessera.v1.EcdsaRound4.$Shape
             */

            /**
             * Constructs a new EcdsaRound4.
             * @memberof tessera.v1
             * @classdesc Represents an EcdsaRound4.
             * @constructor
             * @param {tessera.v1.EcdsaRound4.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EcdsaRound4 = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * EcdsaRound4 presignature.
             * @member {Uint8Array} presignature
             * @memberof tessera.v1.EcdsaRound4
             * @instance
             */
            EcdsaRound4.prototype.presignature = $util.newBuffer([]);

            /**
             * EcdsaRound4 digest.
             * @member {Uint8Array} digest
             * @memberof tessera.v1.EcdsaRound4
             * @instance
             */
            EcdsaRound4.prototype.digest = $util.newBuffer([]);

            /**
             * EcdsaRound4 w.
             * @member {Uint8Array} w
             * @memberof tessera.v1.EcdsaRound4
             * @instance
             */
            EcdsaRound4.prototype.w = $util.newBuffer([]);

            /**
             * EcdsaRound4 u.
             * @member {Uint8Array} u
             * @memberof tessera.v1.EcdsaRound4
             * @instance
             */
            EcdsaRound4.prototype.u = $util.newBuffer([]);

            /**
             * Creates a new EcdsaRound4 instance using the specified properties.
             * @function create
             * @memberof tessera.v1.EcdsaRound4
             * @static
             * @param {tessera.v1.EcdsaRound4.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.EcdsaRound4} EcdsaRound4 instance
             * @type {{
             *   (properties: tessera.v1.EcdsaRound4.$Shape): tessera.v1.EcdsaRound4 & tessera.v1.EcdsaRound4.$Shape;
             *   (properties?: tessera.v1.EcdsaRound4.$Properties): tessera.v1.EcdsaRound4;
             * }}
             */
            EcdsaRound4.create = function(properties) {
                return new EcdsaRound4(properties);
            };

            /**
             * Encodes the specified EcdsaRound4 message. Does not implicitly {@link tessera.v1.EcdsaRound4.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.EcdsaRound4
             * @static
             * @param {tessera.v1.EcdsaRound4.$Properties} m EcdsaRound4 message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EcdsaRound4.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.presignature != null && $Object.hasOwnProperty.call(m, "presignature") && m.presignature.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.presignature);
                if (m.digest != null && $Object.hasOwnProperty.call(m, "digest") && m.digest.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.digest);
                if (m.w != null && $Object.hasOwnProperty.call(m, "w") && m.w.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.w);
                if (m.u != null && $Object.hasOwnProperty.call(m, "u") && m.u.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.u);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an EcdsaRound4 message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.EcdsaRound4
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.EcdsaRound4 & tessera.v1.EcdsaRound4.$Shape} EcdsaRound4
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EcdsaRound4.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.EcdsaRound4();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.presignature = v;
                            else
                                delete m.presignature;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.digest = v;
                            else
                                delete m.digest;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.w = v;
                            else
                                delete m.w;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.u = v;
                            else
                                delete m.u;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for EcdsaRound4
             * @function getTypeUrl
             * @memberof tessera.v1.EcdsaRound4
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EcdsaRound4.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.EcdsaRound4";
            };

            return EcdsaRound4;
        })();

        v1.EcdsaConsumed = (function() {

            /**
             * Properties of an EcdsaConsumed.
             * @typedef {Object} tessera.v1.EcdsaConsumed.$Properties
             * @property {Uint8Array|null} [presignature] EcdsaConsumed presignature
             * @property {Uint8Array|null} [digest] EcdsaConsumed digest
             * @property {Uint8Array|null} [attestation] EcdsaConsumed attestation
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EcdsaConsumed.
             * @memberof tessera.v1
             * @interface IEcdsaConsumed
             * @augments tessera.v1.EcdsaConsumed.$Properties
             * @deprecated Use tessera.v1.EcdsaConsumed.$Properties instead.
             */

            /**
             * Shape of an EcdsaConsumed.
             * @typedef {tessera.v1.EcdsaConsumed.$Properties} tessera.v1.EcdsaConsumed.$Shape
             */

            /**
             * Constructs a new EcdsaConsumed.
             * @memberof tessera.v1
             * @classdesc Represents an EcdsaConsumed.
             * @constructor
             * @param {tessera.v1.EcdsaConsumed.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EcdsaConsumed = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * EcdsaConsumed presignature.
             * @member {Uint8Array} presignature
             * @memberof tessera.v1.EcdsaConsumed
             * @instance
             */
            EcdsaConsumed.prototype.presignature = $util.newBuffer([]);

            /**
             * EcdsaConsumed digest.
             * @member {Uint8Array} digest
             * @memberof tessera.v1.EcdsaConsumed
             * @instance
             */
            EcdsaConsumed.prototype.digest = $util.newBuffer([]);

            /**
             * EcdsaConsumed attestation.
             * @member {Uint8Array} attestation
             * @memberof tessera.v1.EcdsaConsumed
             * @instance
             */
            EcdsaConsumed.prototype.attestation = $util.newBuffer([]);

            /**
             * Creates a new EcdsaConsumed instance using the specified properties.
             * @function create
             * @memberof tessera.v1.EcdsaConsumed
             * @static
             * @param {tessera.v1.EcdsaConsumed.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.EcdsaConsumed} EcdsaConsumed instance
             * @type {{
             *   (properties: tessera.v1.EcdsaConsumed.$Shape): tessera.v1.EcdsaConsumed & tessera.v1.EcdsaConsumed.$Shape;
             *   (properties?: tessera.v1.EcdsaConsumed.$Properties): tessera.v1.EcdsaConsumed;
             * }}
             */
            EcdsaConsumed.create = function(properties) {
                return new EcdsaConsumed(properties);
            };

            /**
             * Encodes the specified EcdsaConsumed message. Does not implicitly {@link tessera.v1.EcdsaConsumed.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.EcdsaConsumed
             * @static
             * @param {tessera.v1.EcdsaConsumed.$Properties} m EcdsaConsumed message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EcdsaConsumed.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.presignature != null && $Object.hasOwnProperty.call(m, "presignature") && m.presignature.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.presignature);
                if (m.digest != null && $Object.hasOwnProperty.call(m, "digest") && m.digest.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.digest);
                if (m.attestation != null && $Object.hasOwnProperty.call(m, "attestation") && m.attestation.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.attestation);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an EcdsaConsumed message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.EcdsaConsumed
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.EcdsaConsumed & tessera.v1.EcdsaConsumed.$Shape} EcdsaConsumed
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EcdsaConsumed.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.EcdsaConsumed();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.presignature = v;
                            else
                                delete m.presignature;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.digest = v;
                            else
                                delete m.digest;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.attestation = v;
                            else
                                delete m.attestation;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for EcdsaConsumed
             * @function getTypeUrl
             * @memberof tessera.v1.EcdsaConsumed
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EcdsaConsumed.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.EcdsaConsumed";
            };

            return EcdsaConsumed;
        })();

        v1.PublicPackage = (function() {

            /**
             * Properties of a PublicPackage.
             * @typedef {Object} tessera.v1.PublicPackage.$Properties
             * @property {string|null} [scheme] PublicPackage scheme
             * @property {number|null} [threshold] PublicPackage threshold
             * @property {Array.<number>|null} [parties] PublicPackage parties
             * @property {Uint8Array|null} [groupPublicKey] PublicPackage groupPublicKey
             * @property {Array.<Uint8Array>|null} [verifyingShares] PublicPackage verifyingShares
             * @property {Array.<Uint8Array>|null} [vssCommitment] PublicPackage vssCommitment
             * @property {Uint8Array|null} [chainCode] PublicPackage chainCode
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PublicPackage.
             * @memberof tessera.v1
             * @interface IPublicPackage
             * @augments tessera.v1.PublicPackage.$Properties
             * @deprecated Use tessera.v1.PublicPackage.$Properties instead.
             */

            /**
             * Shape of a PublicPackage.
             * @typedef {tessera.v1.PublicPackage.$Properties} tessera.v1.PublicPackage.$Shape
             */

            /**
             * Constructs a new PublicPackage.
             * @memberof tessera.v1
             * @classdesc Represents a PublicPackage.
             * @constructor
             * @param {tessera.v1.PublicPackage.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PublicPackage = function (p) {
                this.parties = [];
                this.verifyingShares = [];
                this.vssCommitment = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * PublicPackage scheme.
             * @member {string} scheme
             * @memberof tessera.v1.PublicPackage
             * @instance
             */
            PublicPackage.prototype.scheme = "";

            /**
             * PublicPackage threshold.
             * @member {number} threshold
             * @memberof tessera.v1.PublicPackage
             * @instance
             */
            PublicPackage.prototype.threshold = 0;

            /**
             * PublicPackage parties.
             * @member {Array.<number>} parties
             * @memberof tessera.v1.PublicPackage
             * @instance
             */
            PublicPackage.prototype.parties = $util.emptyArray;

            /**
             * PublicPackage groupPublicKey.
             * @member {Uint8Array} groupPublicKey
             * @memberof tessera.v1.PublicPackage
             * @instance
             */
            PublicPackage.prototype.groupPublicKey = $util.newBuffer([]);

            /**
             * PublicPackage verifyingShares.
             * @member {Array.<Uint8Array>} verifyingShares
             * @memberof tessera.v1.PublicPackage
             * @instance
             */
            PublicPackage.prototype.verifyingShares = $util.emptyArray;

            /**
             * PublicPackage vssCommitment.
             * @member {Array.<Uint8Array>} vssCommitment
             * @memberof tessera.v1.PublicPackage
             * @instance
             */
            PublicPackage.prototype.vssCommitment = $util.emptyArray;

            /**
             * PublicPackage chainCode.
             * @member {Uint8Array} chainCode
             * @memberof tessera.v1.PublicPackage
             * @instance
             */
            PublicPackage.prototype.chainCode = $util.newBuffer([]);

            /**
             * Creates a new PublicPackage instance using the specified properties.
             * @function create
             * @memberof tessera.v1.PublicPackage
             * @static
             * @param {tessera.v1.PublicPackage.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.PublicPackage} PublicPackage instance
             * @type {{
             *   (properties: tessera.v1.PublicPackage.$Shape): tessera.v1.PublicPackage & tessera.v1.PublicPackage.$Shape;
             *   (properties?: tessera.v1.PublicPackage.$Properties): tessera.v1.PublicPackage;
             * }}
             */
            PublicPackage.create = function(properties) {
                return new PublicPackage(properties);
            };

            /**
             * Encodes the specified PublicPackage message. Does not implicitly {@link tessera.v1.PublicPackage.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.PublicPackage
             * @static
             * @param {tessera.v1.PublicPackage.$Properties} m PublicPackage message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PublicPackage.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.scheme != null && $Object.hasOwnProperty.call(m, "scheme") && m.scheme !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.scheme);
                if (m.threshold != null && $Object.hasOwnProperty.call(m, "threshold") && m.threshold !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.threshold);
                if (m.parties != null && m.parties.length) {
                    w.uint32(/* id 3, wireType 2 =*/26).uint32s(m.parties);
                }
                if (m.groupPublicKey != null && $Object.hasOwnProperty.call(m, "groupPublicKey") && m.groupPublicKey.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.groupPublicKey);
                if (m.verifyingShares != null && m.verifyingShares.length) {
                    for (var i = 0; i < m.verifyingShares.length; ++i)
                        w.uint32(/* id 5, wireType 2 =*/42).bytes(m.verifyingShares[i]);
                }
                if (m.vssCommitment != null && m.vssCommitment.length) {
                    for (var i = 0; i < m.vssCommitment.length; ++i)
                        w.uint32(/* id 6, wireType 2 =*/50).bytes(m.vssCommitment[i]);
                }
                if (m.chainCode != null && $Object.hasOwnProperty.call(m, "chainCode") && m.chainCode.length)
                    w.uint32(/* id 7, wireType 2 =*/58).bytes(m.chainCode);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a PublicPackage message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.PublicPackage
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.PublicPackage & tessera.v1.PublicPackage.$Shape} PublicPackage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PublicPackage.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.PublicPackage();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.scheme = v;
                            else
                                delete m.scheme;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.threshold = v;
                            else
                                delete m.threshold;
                            continue;
                        }
                    case 3: {
                            if (u === 2) {
                                if (!(m.parties && m.parties.length))
                                    m.parties = [];
                                r.uint32s(m.parties);
                                continue;
                            }
                            if (u !== 0)
                                break;
                            if (!(m.parties && m.parties.length))
                                m.parties = [];
                            m.parties.push(r.uint32());
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.groupPublicKey = v;
                            else
                                delete m.groupPublicKey;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (!(m.verifyingShares && m.verifyingShares.length))
                                m.verifyingShares = [];
                            m.verifyingShares.push(r.bytes());
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if (!(m.vssCommitment && m.vssCommitment.length))
                                m.vssCommitment = [];
                            m.vssCommitment.push(r.bytes());
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.chainCode = v;
                            else
                                delete m.chainCode;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for PublicPackage
             * @function getTypeUrl
             * @memberof tessera.v1.PublicPackage
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PublicPackage.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.PublicPackage";
            };

            return PublicPackage;
        })();

        v1.RefreshRound1 = (function() {

            /**
             * Properties of a RefreshRound1.
             * @typedef {Object} tessera.v1.RefreshRound1.$Properties
             * @property {Array.<Uint8Array>|null} [vssCommitment] RefreshRound1 vssCommitment
             * @property {Uint8Array|null} [attestation] RefreshRound1 attestation
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RefreshRound1.
             * @memberof tessera.v1
             * @interface IRefreshRound1
             * @augments tessera.v1.RefreshRound1.$Properties
             * @deprecated Use tessera.v1.RefreshRound1.$Properties instead.
             */

            /**
             * Shape of a RefreshRound1.
             * @typedef {tessera.v1.RefreshRound1.$Properties} tessera.v1.RefreshRound1.$Shape
             */

            /**
             * Constructs a new RefreshRound1.
             * @memberof tessera.v1
             * @classdesc Represents a RefreshRound1.
             * @constructor
             * @param {tessera.v1.RefreshRound1.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RefreshRound1 = function (p) {
                this.vssCommitment = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RefreshRound1 vssCommitment.
             * @member {Array.<Uint8Array>} vssCommitment
             * @memberof tessera.v1.RefreshRound1
             * @instance
             */
            RefreshRound1.prototype.vssCommitment = $util.emptyArray;

            /**
             * RefreshRound1 attestation.
             * @member {Uint8Array} attestation
             * @memberof tessera.v1.RefreshRound1
             * @instance
             */
            RefreshRound1.prototype.attestation = $util.newBuffer([]);

            /**
             * Creates a new RefreshRound1 instance using the specified properties.
             * @function create
             * @memberof tessera.v1.RefreshRound1
             * @static
             * @param {tessera.v1.RefreshRound1.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.RefreshRound1} RefreshRound1 instance
             * @type {{
             *   (properties: tessera.v1.RefreshRound1.$Shape): tessera.v1.RefreshRound1 & tessera.v1.RefreshRound1.$Shape;
             *   (properties?: tessera.v1.RefreshRound1.$Properties): tessera.v1.RefreshRound1;
             * }}
             */
            RefreshRound1.create = function(properties) {
                return new RefreshRound1(properties);
            };

            /**
             * Encodes the specified RefreshRound1 message. Does not implicitly {@link tessera.v1.RefreshRound1.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.RefreshRound1
             * @static
             * @param {tessera.v1.RefreshRound1.$Properties} m RefreshRound1 message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RefreshRound1.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.vssCommitment != null && m.vssCommitment.length) {
                    for (var i = 0; i < m.vssCommitment.length; ++i)
                        w.uint32(/* id 1, wireType 2 =*/10).bytes(m.vssCommitment[i]);
                }
                if (m.attestation != null && $Object.hasOwnProperty.call(m, "attestation") && m.attestation.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.attestation);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a RefreshRound1 message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.RefreshRound1
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.RefreshRound1 & tessera.v1.RefreshRound1.$Shape} RefreshRound1
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RefreshRound1.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.RefreshRound1();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.vssCommitment && m.vssCommitment.length))
                                m.vssCommitment = [];
                            m.vssCommitment.push(r.bytes());
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.attestation = v;
                            else
                                delete m.attestation;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for RefreshRound1
             * @function getTypeUrl
             * @memberof tessera.v1.RefreshRound1
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RefreshRound1.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.RefreshRound1";
            };

            return RefreshRound1;
        })();

        v1.RefreshRound2 = (function() {

            /**
             * Properties of a RefreshRound2.
             * @typedef {Object} tessera.v1.RefreshRound2.$Properties
             * @property {Uint8Array|null} [share] RefreshRound2 share
             * @property {Uint8Array|null} [echo] RefreshRound2 echo
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RefreshRound2.
             * @memberof tessera.v1
             * @interface IRefreshRound2
             * @augments tessera.v1.RefreshRound2.$Properties
             * @deprecated Use tessera.v1.RefreshRound2.$Properties instead.
             */

            /**
             * Shape of a RefreshRound2.
             * @typedef {tessera.v1.RefreshRound2.$Properties} tessera.v1.RefreshRound2.$Shape
             */

            /**
             * Constructs a new RefreshRound2.
             * @memberof tessera.v1
             * @classdesc Represents a RefreshRound2.
             * @constructor
             * @param {tessera.v1.RefreshRound2.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RefreshRound2 = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RefreshRound2 share.
             * @member {Uint8Array} share
             * @memberof tessera.v1.RefreshRound2
             * @instance
             */
            RefreshRound2.prototype.share = $util.newBuffer([]);

            /**
             * RefreshRound2 echo.
             * @member {Uint8Array} echo
             * @memberof tessera.v1.RefreshRound2
             * @instance
             */
            RefreshRound2.prototype.echo = $util.newBuffer([]);

            /**
             * Creates a new RefreshRound2 instance using the specified properties.
             * @function create
             * @memberof tessera.v1.RefreshRound2
             * @static
             * @param {tessera.v1.RefreshRound2.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.RefreshRound2} RefreshRound2 instance
             * @type {{
             *   (properties: tessera.v1.RefreshRound2.$Shape): tessera.v1.RefreshRound2 & tessera.v1.RefreshRound2.$Shape;
             *   (properties?: tessera.v1.RefreshRound2.$Properties): tessera.v1.RefreshRound2;
             * }}
             */
            RefreshRound2.create = function(properties) {
                return new RefreshRound2(properties);
            };

            /**
             * Encodes the specified RefreshRound2 message. Does not implicitly {@link tessera.v1.RefreshRound2.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.RefreshRound2
             * @static
             * @param {tessera.v1.RefreshRound2.$Properties} m RefreshRound2 message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RefreshRound2.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.share != null && $Object.hasOwnProperty.call(m, "share") && m.share.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.share);
                if (m.echo != null && $Object.hasOwnProperty.call(m, "echo") && m.echo.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.echo);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a RefreshRound2 message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.RefreshRound2
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.RefreshRound2 & tessera.v1.RefreshRound2.$Shape} RefreshRound2
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RefreshRound2.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.RefreshRound2();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.share = v;
                            else
                                delete m.share;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.echo = v;
                            else
                                delete m.echo;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for RefreshRound2
             * @function getTypeUrl
             * @memberof tessera.v1.RefreshRound2
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RefreshRound2.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.RefreshRound2";
            };

            return RefreshRound2;
        })();

        v1.ReshareRound1 = (function() {

            /**
             * Properties of a ReshareRound1.
             * @typedef {Object} tessera.v1.ReshareRound1.$Properties
             * @property {number|null} [oldPoint] ReshareRound1 oldPoint
             * @property {Uint8Array|null} [oldPackage] ReshareRound1 oldPackage
             * @property {Array.<Uint8Array>|null} [vssCommitment] ReshareRound1 vssCommitment
             * @property {Uint8Array|null} [chainCode] ReshareRound1 chainCode
             * @property {Uint8Array|null} [attestation] ReshareRound1 attestation
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ReshareRound1.
             * @memberof tessera.v1
             * @interface IReshareRound1
             * @augments tessera.v1.ReshareRound1.$Properties
             * @deprecated Use tessera.v1.ReshareRound1.$Properties instead.
             */

            /**
             * Shape of a ReshareRound1.
             * @typedef {tessera.v1.ReshareRound1.$Properties} tessera.v1.ReshareRound1.$Shape
             */

            /**
             * Constructs a new ReshareRound1.
             * @memberof tessera.v1
             * @classdesc Represents a ReshareRound1.
             * @constructor
             * @param {tessera.v1.ReshareRound1.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ReshareRound1 = function (p) {
                this.vssCommitment = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ReshareRound1 oldPoint.
             * @member {number} oldPoint
             * @memberof tessera.v1.ReshareRound1
             * @instance
             */
            ReshareRound1.prototype.oldPoint = 0;

            /**
             * ReshareRound1 oldPackage.
             * @member {Uint8Array} oldPackage
             * @memberof tessera.v1.ReshareRound1
             * @instance
             */
            ReshareRound1.prototype.oldPackage = $util.newBuffer([]);

            /**
             * ReshareRound1 vssCommitment.
             * @member {Array.<Uint8Array>} vssCommitment
             * @memberof tessera.v1.ReshareRound1
             * @instance
             */
            ReshareRound1.prototype.vssCommitment = $util.emptyArray;

            /**
             * ReshareRound1 chainCode.
             * @member {Uint8Array} chainCode
             * @memberof tessera.v1.ReshareRound1
             * @instance
             */
            ReshareRound1.prototype.chainCode = $util.newBuffer([]);

            /**
             * ReshareRound1 attestation.
             * @member {Uint8Array} attestation
             * @memberof tessera.v1.ReshareRound1
             * @instance
             */
            ReshareRound1.prototype.attestation = $util.newBuffer([]);

            /**
             * Creates a new ReshareRound1 instance using the specified properties.
             * @function create
             * @memberof tessera.v1.ReshareRound1
             * @static
             * @param {tessera.v1.ReshareRound1.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.ReshareRound1} ReshareRound1 instance
             * @type {{
             *   (properties: tessera.v1.ReshareRound1.$Shape): tessera.v1.ReshareRound1 & tessera.v1.ReshareRound1.$Shape;
             *   (properties?: tessera.v1.ReshareRound1.$Properties): tessera.v1.ReshareRound1;
             * }}
             */
            ReshareRound1.create = function(properties) {
                return new ReshareRound1(properties);
            };

            /**
             * Encodes the specified ReshareRound1 message. Does not implicitly {@link tessera.v1.ReshareRound1.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.ReshareRound1
             * @static
             * @param {tessera.v1.ReshareRound1.$Properties} m ReshareRound1 message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReshareRound1.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.oldPoint != null && $Object.hasOwnProperty.call(m, "oldPoint") && m.oldPoint !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.oldPoint);
                if (m.oldPackage != null && $Object.hasOwnProperty.call(m, "oldPackage") && m.oldPackage.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.oldPackage);
                if (m.vssCommitment != null && m.vssCommitment.length) {
                    for (var i = 0; i < m.vssCommitment.length; ++i)
                        w.uint32(/* id 3, wireType 2 =*/26).bytes(m.vssCommitment[i]);
                }
                if (m.chainCode != null && $Object.hasOwnProperty.call(m, "chainCode") && m.chainCode.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.chainCode);
                if (m.attestation != null && $Object.hasOwnProperty.call(m, "attestation") && m.attestation.length)
                    w.uint32(/* id 5, wireType 2 =*/42).bytes(m.attestation);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a ReshareRound1 message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.ReshareRound1
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.ReshareRound1 & tessera.v1.ReshareRound1.$Shape} ReshareRound1
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReshareRound1.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.ReshareRound1();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.oldPoint = v;
                            else
                                delete m.oldPoint;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.oldPackage = v;
                            else
                                delete m.oldPackage;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.vssCommitment && m.vssCommitment.length))
                                m.vssCommitment = [];
                            m.vssCommitment.push(r.bytes());
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.chainCode = v;
                            else
                                delete m.chainCode;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.attestation = v;
                            else
                                delete m.attestation;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for ReshareRound1
             * @function getTypeUrl
             * @memberof tessera.v1.ReshareRound1
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ReshareRound1.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.ReshareRound1";
            };

            return ReshareRound1;
        })();

        v1.ReshareRound2 = (function() {

            /**
             * Properties of a ReshareRound2.
             * @typedef {Object} tessera.v1.ReshareRound2.$Properties
             * @property {Uint8Array|null} [echo] ReshareRound2 echo
             * @property {Uint8Array|null} [share] ReshareRound2 share
             * @property {tessera.v1.PublicPackage.$Properties|null} [oldPackage] ReshareRound2 oldPackage
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ReshareRound2.
             * @memberof tessera.v1
             * @interface IReshareRound2
             * @augments tessera.v1.ReshareRound2.$Properties
             * @deprecated Use tessera.v1.ReshareRound2.$Properties instead.
             */

            /**
             * Shape of a ReshareRound2.
             * @typedef {tessera.v1.ReshareRound2.$Properties} tessera.v1.ReshareRound2.$Shape
             */

            /**
             * Constructs a new ReshareRound2.
             * @memberof tessera.v1
             * @classdesc Represents a ReshareRound2.
             * @constructor
             * @param {tessera.v1.ReshareRound2.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ReshareRound2 = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ReshareRound2 echo.
             * @member {Uint8Array} echo
             * @memberof tessera.v1.ReshareRound2
             * @instance
             */
            ReshareRound2.prototype.echo = $util.newBuffer([]);

            /**
             * ReshareRound2 share.
             * @member {Uint8Array} share
             * @memberof tessera.v1.ReshareRound2
             * @instance
             */
            ReshareRound2.prototype.share = $util.newBuffer([]);

            /**
             * ReshareRound2 oldPackage.
             * @member {tessera.v1.PublicPackage.$Properties|null|undefined} oldPackage
             * @memberof tessera.v1.ReshareRound2
             * @instance
             */
            ReshareRound2.prototype.oldPackage = null;

            /**
             * Creates a new ReshareRound2 instance using the specified properties.
             * @function create
             * @memberof tessera.v1.ReshareRound2
             * @static
             * @param {tessera.v1.ReshareRound2.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.ReshareRound2} ReshareRound2 instance
             * @type {{
             *   (properties: tessera.v1.ReshareRound2.$Shape): tessera.v1.ReshareRound2 & tessera.v1.ReshareRound2.$Shape;
             *   (properties?: tessera.v1.ReshareRound2.$Properties): tessera.v1.ReshareRound2;
             * }}
             */
            ReshareRound2.create = function(properties) {
                return new ReshareRound2(properties);
            };

            /**
             * Encodes the specified ReshareRound2 message. Does not implicitly {@link tessera.v1.ReshareRound2.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.ReshareRound2
             * @static
             * @param {tessera.v1.ReshareRound2.$Properties} m ReshareRound2 message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReshareRound2.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.echo != null && $Object.hasOwnProperty.call(m, "echo") && m.echo.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.echo);
                if (m.share != null && $Object.hasOwnProperty.call(m, "share") && m.share.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.share);
                if (m.oldPackage != null && $Object.hasOwnProperty.call(m, "oldPackage"))
                    $root.tessera.v1.PublicPackage.encode(m.oldPackage, w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a ReshareRound2 message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.ReshareRound2
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.ReshareRound2 & tessera.v1.ReshareRound2.$Shape} ReshareRound2
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReshareRound2.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.ReshareRound2();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.echo = v;
                            else
                                delete m.echo;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.share = v;
                            else
                                delete m.share;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.oldPackage = $root.tessera.v1.PublicPackage.decode(r, r.size(), $undefined, q + 1, m.oldPackage);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for ReshareRound2
             * @function getTypeUrl
             * @memberof tessera.v1.ReshareRound2
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ReshareRound2.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.ReshareRound2";
            };

            return ReshareRound2;
        })();

        v1.RepairRound1 = (function() {

            /**
             * Properties of a RepairRound1.
             * @typedef {Object} tessera.v1.RepairRound1.$Properties
             * @property {Array.<Uint8Array>|null} [deltas] RepairRound1 deltas
             * @property {Uint8Array|null} ["package"] RepairRound1 package
             * @property {Uint8Array|null} [attestation] RepairRound1 attestation
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RepairRound1.
             * @memberof tessera.v1
             * @interface IRepairRound1
             * @augments tessera.v1.RepairRound1.$Properties
             * @deprecated Use tessera.v1.RepairRound1.$Properties instead.
             */

            /**
             * Shape of a RepairRound1.
             * @typedef {tessera.v1.RepairRound1.$Properties} tessera.v1.RepairRound1.$Shape
             */

            /**
             * Constructs a new RepairRound1.
             * @memberof tessera.v1
             * @classdesc Represents a RepairRound1.
             * @constructor
             * @param {tessera.v1.RepairRound1.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RepairRound1 = function (p) {
                this.deltas = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RepairRound1 deltas.
             * @member {Array.<Uint8Array>} deltas
             * @memberof tessera.v1.RepairRound1
             * @instance
             */
            RepairRound1.prototype.deltas = $util.emptyArray;

            /**
             * RepairRound1 package.
             * @member {Uint8Array} package
             * @memberof tessera.v1.RepairRound1
             * @instance
             */
            RepairRound1.prototype["package"] = $util.newBuffer([]);

            /**
             * RepairRound1 attestation.
             * @member {Uint8Array} attestation
             * @memberof tessera.v1.RepairRound1
             * @instance
             */
            RepairRound1.prototype.attestation = $util.newBuffer([]);

            /**
             * Creates a new RepairRound1 instance using the specified properties.
             * @function create
             * @memberof tessera.v1.RepairRound1
             * @static
             * @param {tessera.v1.RepairRound1.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.RepairRound1} RepairRound1 instance
             * @type {{
             *   (properties: tessera.v1.RepairRound1.$Shape): tessera.v1.RepairRound1 & tessera.v1.RepairRound1.$Shape;
             *   (properties?: tessera.v1.RepairRound1.$Properties): tessera.v1.RepairRound1;
             * }}
             */
            RepairRound1.create = function(properties) {
                return new RepairRound1(properties);
            };

            /**
             * Encodes the specified RepairRound1 message. Does not implicitly {@link tessera.v1.RepairRound1.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.RepairRound1
             * @static
             * @param {tessera.v1.RepairRound1.$Properties} m RepairRound1 message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RepairRound1.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.deltas != null && m.deltas.length) {
                    for (var i = 0; i < m.deltas.length; ++i)
                        w.uint32(/* id 1, wireType 2 =*/10).bytes(m.deltas[i]);
                }
                if (m["package"] != null && $Object.hasOwnProperty.call(m, "package") && m["package"].length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m["package"]);
                if (m.attestation != null && $Object.hasOwnProperty.call(m, "attestation") && m.attestation.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.attestation);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a RepairRound1 message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.RepairRound1
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.RepairRound1 & tessera.v1.RepairRound1.$Shape} RepairRound1
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RepairRound1.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.RepairRound1();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.deltas && m.deltas.length))
                                m.deltas = [];
                            m.deltas.push(r.bytes());
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m["package"] = v;
                            else
                                delete m["package"];
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.attestation = v;
                            else
                                delete m.attestation;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for RepairRound1
             * @function getTypeUrl
             * @memberof tessera.v1.RepairRound1
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RepairRound1.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.RepairRound1";
            };

            return RepairRound1;
        })();

        v1.RepairRound2 = (function() {

            /**
             * Properties of a RepairRound2.
             * @typedef {Object} tessera.v1.RepairRound2.$Properties
             * @property {Uint8Array|null} [delta] RepairRound2 delta
             * @property {Uint8Array|null} [echo] RepairRound2 echo
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RepairRound2.
             * @memberof tessera.v1
             * @interface IRepairRound2
             * @augments tessera.v1.RepairRound2.$Properties
             * @deprecated Use tessera.v1.RepairRound2.$Properties instead.
             */

            /**
             * Shape of a RepairRound2.
             * @typedef {tessera.v1.RepairRound2.$Properties} tessera.v1.RepairRound2.$Shape
             */

            /**
             * Constructs a new RepairRound2.
             * @memberof tessera.v1
             * @classdesc Represents a RepairRound2.
             * @constructor
             * @param {tessera.v1.RepairRound2.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RepairRound2 = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RepairRound2 delta.
             * @member {Uint8Array} delta
             * @memberof tessera.v1.RepairRound2
             * @instance
             */
            RepairRound2.prototype.delta = $util.newBuffer([]);

            /**
             * RepairRound2 echo.
             * @member {Uint8Array} echo
             * @memberof tessera.v1.RepairRound2
             * @instance
             */
            RepairRound2.prototype.echo = $util.newBuffer([]);

            /**
             * Creates a new RepairRound2 instance using the specified properties.
             * @function create
             * @memberof tessera.v1.RepairRound2
             * @static
             * @param {tessera.v1.RepairRound2.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.RepairRound2} RepairRound2 instance
             * @type {{
             *   (properties: tessera.v1.RepairRound2.$Shape): tessera.v1.RepairRound2 & tessera.v1.RepairRound2.$Shape;
             *   (properties?: tessera.v1.RepairRound2.$Properties): tessera.v1.RepairRound2;
             * }}
             */
            RepairRound2.create = function(properties) {
                return new RepairRound2(properties);
            };

            /**
             * Encodes the specified RepairRound2 message. Does not implicitly {@link tessera.v1.RepairRound2.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.RepairRound2
             * @static
             * @param {tessera.v1.RepairRound2.$Properties} m RepairRound2 message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RepairRound2.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.delta != null && $Object.hasOwnProperty.call(m, "delta") && m.delta.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.delta);
                if (m.echo != null && $Object.hasOwnProperty.call(m, "echo") && m.echo.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.echo);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a RepairRound2 message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.RepairRound2
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.RepairRound2 & tessera.v1.RepairRound2.$Shape} RepairRound2
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RepairRound2.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.RepairRound2();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.delta = v;
                            else
                                delete m.delta;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.echo = v;
                            else
                                delete m.echo;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for RepairRound2
             * @function getTypeUrl
             * @memberof tessera.v1.RepairRound2
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RepairRound2.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.RepairRound2";
            };

            return RepairRound2;
        })();

        v1.RepairRound3 = (function() {

            /**
             * Properties of a RepairRound3.
             * @typedef {Object} tessera.v1.RepairRound3.$Properties
             * @property {Uint8Array|null} [sigma] RepairRound3 sigma
             * @property {tessera.v1.PublicPackage.$Properties|null} ["package"] RepairRound3 package
             * @property {Uint8Array|null} [echo] RepairRound3 echo
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RepairRound3.
             * @memberof tessera.v1
             * @interface IRepairRound3
             * @augments tessera.v1.RepairRound3.$Properties
             * @deprecated Use tessera.v1.RepairRound3.$Properties instead.
             */

            /**
             * Shape of a RepairRound3.
             * @typedef {tessera.v1.RepairRound3.$Properties} tessera.v1.RepairRound3.$Shape
             */

            /**
             * Constructs a new RepairRound3.
             * @memberof tessera.v1
             * @classdesc Represents a RepairRound3.
             * @constructor
             * @param {tessera.v1.RepairRound3.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RepairRound3 = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RepairRound3 sigma.
             * @member {Uint8Array} sigma
             * @memberof tessera.v1.RepairRound3
             * @instance
             */
            RepairRound3.prototype.sigma = $util.newBuffer([]);

            /**
             * RepairRound3 package.
             * @member {tessera.v1.PublicPackage.$Properties|null|undefined} package
             * @memberof tessera.v1.RepairRound3
             * @instance
             */
            RepairRound3.prototype["package"] = null;

            /**
             * RepairRound3 echo.
             * @member {Uint8Array} echo
             * @memberof tessera.v1.RepairRound3
             * @instance
             */
            RepairRound3.prototype.echo = $util.newBuffer([]);

            /**
             * Creates a new RepairRound3 instance using the specified properties.
             * @function create
             * @memberof tessera.v1.RepairRound3
             * @static
             * @param {tessera.v1.RepairRound3.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.RepairRound3} RepairRound3 instance
             * @type {{
             *   (properties: tessera.v1.RepairRound3.$Shape): tessera.v1.RepairRound3 & tessera.v1.RepairRound3.$Shape;
             *   (properties?: tessera.v1.RepairRound3.$Properties): tessera.v1.RepairRound3;
             * }}
             */
            RepairRound3.create = function(properties) {
                return new RepairRound3(properties);
            };

            /**
             * Encodes the specified RepairRound3 message. Does not implicitly {@link tessera.v1.RepairRound3.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.RepairRound3
             * @static
             * @param {tessera.v1.RepairRound3.$Properties} m RepairRound3 message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RepairRound3.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.sigma != null && $Object.hasOwnProperty.call(m, "sigma") && m.sigma.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.sigma);
                if (m["package"] != null && $Object.hasOwnProperty.call(m, "package"))
                    $root.tessera.v1.PublicPackage.encode(m["package"], w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (m.echo != null && $Object.hasOwnProperty.call(m, "echo") && m.echo.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.echo);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a RepairRound3 message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.RepairRound3
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.RepairRound3 & tessera.v1.RepairRound3.$Shape} RepairRound3
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RepairRound3.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.RepairRound3();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.sigma = v;
                            else
                                delete m.sigma;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m["package"] = $root.tessera.v1.PublicPackage.decode(r, r.size(), $undefined, q + 1, m["package"]);
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.echo = v;
                            else
                                delete m.echo;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for RepairRound3
             * @function getTypeUrl
             * @memberof tessera.v1.RepairRound3
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RepairRound3.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.RepairRound3";
            };

            return RepairRound3;
        })();

        v1.EcdsaRepairSession = (function() {

            /**
             * Properties of an EcdsaRepairSession.
             * @typedef {Object} tessera.v1.EcdsaRepairSession.$Properties
             * @property {Uint8Array|null} [sessionId] EcdsaRepairSession sessionId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EcdsaRepairSession.
             * @memberof tessera.v1
             * @interface IEcdsaRepairSession
             * @augments tessera.v1.EcdsaRepairSession.$Properties
             * @deprecated Use tessera.v1.EcdsaRepairSession.$Properties instead.
             */

            /**
             * Shape of an EcdsaRepairSession.
             * @typedef {tessera.v1.EcdsaRepairSession.$Properties} tessera.v1.EcdsaRepairSession.$Shape
             */

            /**
             * Constructs a new EcdsaRepairSession.
             * @memberof tessera.v1
             * @classdesc Represents an EcdsaRepairSession.
             * @constructor
             * @param {tessera.v1.EcdsaRepairSession.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EcdsaRepairSession = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * EcdsaRepairSession sessionId.
             * @member {Uint8Array} sessionId
             * @memberof tessera.v1.EcdsaRepairSession
             * @instance
             */
            EcdsaRepairSession.prototype.sessionId = $util.newBuffer([]);

            /**
             * Creates a new EcdsaRepairSession instance using the specified properties.
             * @function create
             * @memberof tessera.v1.EcdsaRepairSession
             * @static
             * @param {tessera.v1.EcdsaRepairSession.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.EcdsaRepairSession} EcdsaRepairSession instance
             * @type {{
             *   (properties: tessera.v1.EcdsaRepairSession.$Shape): tessera.v1.EcdsaRepairSession & tessera.v1.EcdsaRepairSession.$Shape;
             *   (properties?: tessera.v1.EcdsaRepairSession.$Properties): tessera.v1.EcdsaRepairSession;
             * }}
             */
            EcdsaRepairSession.create = function(properties) {
                return new EcdsaRepairSession(properties);
            };

            /**
             * Encodes the specified EcdsaRepairSession message. Does not implicitly {@link tessera.v1.EcdsaRepairSession.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.EcdsaRepairSession
             * @static
             * @param {tessera.v1.EcdsaRepairSession.$Properties} m EcdsaRepairSession message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EcdsaRepairSession.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId") && m.sessionId.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.sessionId);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an EcdsaRepairSession message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.EcdsaRepairSession
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.EcdsaRepairSession & tessera.v1.EcdsaRepairSession.$Shape} EcdsaRepairSession
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EcdsaRepairSession.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.EcdsaRepairSession();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.sessionId = v;
                            else
                                delete m.sessionId;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for EcdsaRepairSession
             * @function getTypeUrl
             * @memberof tessera.v1.EcdsaRepairSession
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EcdsaRepairSession.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.EcdsaRepairSession";
            };

            return EcdsaRepairSession;
        })();

        v1.RoundBatch = (function() {

            /**
             * Properties of a RoundBatch.
             * @typedef {Object} tessera.v1.RoundBatch.$Properties
             * @property {Array.<Uint8Array>|null} [items] RoundBatch items
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RoundBatch.
             * @memberof tessera.v1
             * @interface IRoundBatch
             * @augments tessera.v1.RoundBatch.$Properties
             * @deprecated Use tessera.v1.RoundBatch.$Properties instead.
             */

            /**
             * Shape of a RoundBatch.
             * @typedef {tessera.v1.RoundBatch.$Properties} tessera.v1.RoundBatch.$Shape
             */

            /**
             * Constructs a new RoundBatch.
             * @memberof tessera.v1
             * @classdesc Represents a RoundBatch.
             * @constructor
             * @param {tessera.v1.RoundBatch.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RoundBatch = function (p) {
                this.items = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RoundBatch items.
             * @member {Array.<Uint8Array>} items
             * @memberof tessera.v1.RoundBatch
             * @instance
             */
            RoundBatch.prototype.items = $util.emptyArray;

            /**
             * Creates a new RoundBatch instance using the specified properties.
             * @function create
             * @memberof tessera.v1.RoundBatch
             * @static
             * @param {tessera.v1.RoundBatch.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.RoundBatch} RoundBatch instance
             * @type {{
             *   (properties: tessera.v1.RoundBatch.$Shape): tessera.v1.RoundBatch & tessera.v1.RoundBatch.$Shape;
             *   (properties?: tessera.v1.RoundBatch.$Properties): tessera.v1.RoundBatch;
             * }}
             */
            RoundBatch.create = function(properties) {
                return new RoundBatch(properties);
            };

            /**
             * Encodes the specified RoundBatch message. Does not implicitly {@link tessera.v1.RoundBatch.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.RoundBatch
             * @static
             * @param {tessera.v1.RoundBatch.$Properties} m RoundBatch message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RoundBatch.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.items != null && m.items.length) {
                    for (var i = 0; i < m.items.length; ++i)
                        w.uint32(/* id 1, wireType 2 =*/10).bytes(m.items[i]);
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a RoundBatch message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.RoundBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.RoundBatch & tessera.v1.RoundBatch.$Shape} RoundBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RoundBatch.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.RoundBatch();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.items && m.items.length))
                                m.items = [];
                            m.items.push(r.bytes());
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for RoundBatch
             * @function getTypeUrl
             * @memberof tessera.v1.RoundBatch
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RoundBatch.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.RoundBatch";
            };

            return RoundBatch;
        })();

        /**
         * SessionKind enum.
         * @name tessera.v1.SessionKind
         * @enum {number}
         * @property {number} SESSION_KIND_UNSPECIFIED=0 SESSION_KIND_UNSPECIFIED value
         * @property {number} SESSION_KIND_KEYGEN=1 SESSION_KIND_KEYGEN value
         * @property {number} SESSION_KIND_SIGN=2 SESSION_KIND_SIGN value
         * @property {number} SESSION_KIND_PRESIGN=3 SESSION_KIND_PRESIGN value
         * @property {number} SESSION_KIND_REFRESH=4 SESSION_KIND_REFRESH value
         * @property {number} SESSION_KIND_RESHARE=5 SESSION_KIND_RESHARE value
         * @property {number} SESSION_KIND_REPAIR=6 SESSION_KIND_REPAIR value
         * @property {number} SESSION_KIND_ACTIVATE=7 SESSION_KIND_ACTIVATE value
         * @property {number} SESSION_KIND_COMMIT=8 SESSION_KIND_COMMIT value
         * @property {number} SESSION_KIND_DRILL=9 SESSION_KIND_DRILL value
         */
        v1.SessionKind = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "SESSION_KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "SESSION_KIND_KEYGEN"] = 1;
            values[valuesById[2] = "SESSION_KIND_SIGN"] = 2;
            values[valuesById[3] = "SESSION_KIND_PRESIGN"] = 3;
            values[valuesById[4] = "SESSION_KIND_REFRESH"] = 4;
            values[valuesById[5] = "SESSION_KIND_RESHARE"] = 5;
            values[valuesById[6] = "SESSION_KIND_REPAIR"] = 6;
            values[valuesById[7] = "SESSION_KIND_ACTIVATE"] = 7;
            values[valuesById[8] = "SESSION_KIND_COMMIT"] = 8;
            values[valuesById[9] = "SESSION_KIND_DRILL"] = 9;
            return values;
        })();

        /**
         * HashAlgorithm enum.
         * @name tessera.v1.HashAlgorithm
         * @enum {number}
         * @property {number} HASH_ALGORITHM_UNSPECIFIED=0 HASH_ALGORITHM_UNSPECIFIED value
         * @property {number} HASH_ALGORITHM_NONE=1 HASH_ALGORITHM_NONE value
         * @property {number} HASH_ALGORITHM_SHA256=2 HASH_ALGORITHM_SHA256 value
         * @property {number} HASH_ALGORITHM_SHA256D=3 HASH_ALGORITHM_SHA256D value
         * @property {number} HASH_ALGORITHM_KECCAK256=4 HASH_ALGORITHM_KECCAK256 value
         */
        v1.HashAlgorithm = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "HASH_ALGORITHM_UNSPECIFIED"] = 0;
            values[valuesById[1] = "HASH_ALGORITHM_NONE"] = 1;
            values[valuesById[2] = "HASH_ALGORITHM_SHA256"] = 2;
            values[valuesById[3] = "HASH_ALGORITHM_SHA256D"] = 3;
            values[valuesById[4] = "HASH_ALGORITHM_KECCAK256"] = 4;
            return values;
        })();

        v1.MessageToSign = (function() {

            /**
             * Properties of a MessageToSign.
             * @typedef {Object} tessera.v1.MessageToSign.$Properties
             * @property {tessera.v1.HashAlgorithm|null} [hash] MessageToSign hash
             * @property {Uint8Array|null} [preimage] MessageToSign preimage
             * @property {boolean|null} [prehashed] MessageToSign prehashed
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a MessageToSign.
             * @memberof tessera.v1
             * @interface IMessageToSign
             * @augments tessera.v1.MessageToSign.$Properties
             * @deprecated Use tessera.v1.MessageToSign.$Properties instead.
             */

            /**
             * Shape of a MessageToSign.
             * @typedef {tessera.v1.MessageToSign.$Properties} tessera.v1.MessageToSign.$Shape
             */

            /**
             * Constructs a new MessageToSign.
             * @memberof tessera.v1
             * @classdesc Represents a MessageToSign.
             * @constructor
             * @param {tessera.v1.MessageToSign.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const MessageToSign = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * MessageToSign hash.
             * @member {tessera.v1.HashAlgorithm} hash
             * @memberof tessera.v1.MessageToSign
             * @instance
             */
            MessageToSign.prototype.hash = 0;

            /**
             * MessageToSign preimage.
             * @member {Uint8Array} preimage
             * @memberof tessera.v1.MessageToSign
             * @instance
             */
            MessageToSign.prototype.preimage = $util.newBuffer([]);

            /**
             * MessageToSign prehashed.
             * @member {boolean} prehashed
             * @memberof tessera.v1.MessageToSign
             * @instance
             */
            MessageToSign.prototype.prehashed = false;

            /**
             * Creates a new MessageToSign instance using the specified properties.
             * @function create
             * @memberof tessera.v1.MessageToSign
             * @static
             * @param {tessera.v1.MessageToSign.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.MessageToSign} MessageToSign instance
             * @type {{
             *   (properties: tessera.v1.MessageToSign.$Shape): tessera.v1.MessageToSign & tessera.v1.MessageToSign.$Shape;
             *   (properties?: tessera.v1.MessageToSign.$Properties): tessera.v1.MessageToSign;
             * }}
             */
            MessageToSign.create = function(properties) {
                return new MessageToSign(properties);
            };

            /**
             * Encodes the specified MessageToSign message. Does not implicitly {@link tessera.v1.MessageToSign.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.MessageToSign
             * @static
             * @param {tessera.v1.MessageToSign.$Properties} m MessageToSign message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            MessageToSign.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.hash != null && $Object.hasOwnProperty.call(m, "hash") && m.hash !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.hash);
                if (m.preimage != null && $Object.hasOwnProperty.call(m, "preimage") && m.preimage.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.preimage);
                if (m.prehashed != null && $Object.hasOwnProperty.call(m, "prehashed") && m.prehashed !== false)
                    w.uint32(/* id 3, wireType 0 =*/24).bool(m.prehashed);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a MessageToSign message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.MessageToSign
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.MessageToSign & tessera.v1.MessageToSign.$Shape} MessageToSign
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            MessageToSign.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.MessageToSign();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.hash = v;
                            else
                                delete m.hash;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.preimage = v;
                            else
                                delete m.preimage;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.prehashed = v;
                            else
                                delete m.prehashed;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for MessageToSign
             * @function getTypeUrl
             * @memberof tessera.v1.MessageToSign
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            MessageToSign.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.MessageToSign";
            };

            return MessageToSign;
        })();

        v1.SessionProposal = (function() {

            /**
             * Properties of a SessionProposal.
             * @typedef {Object} tessera.v1.SessionProposal.$Properties
             * @property {tessera.v1.SessionKind|null} [kind] SessionProposal kind
             * @property {string|null} [scheme] SessionProposal scheme
             * @property {string|null} [keyId] SessionProposal keyId
             * @property {number|null} [threshold] SessionProposal threshold
             * @property {Array.<Uint8Array>|null} [parties] SessionProposal parties
             * @property {tessera.v1.MessageToSign.$Properties|null} [message] SessionProposal message
             * @property {Array.<number>|null} [derivationPath] SessionProposal derivationPath
             * @property {number|null} [roundTimeoutMs] SessionProposal roundTimeoutMs
             * @property {number|null} [notAfterMs] SessionProposal notAfterMs
             * @property {boolean|null} [taprootOutput] SessionProposal taprootOutput
             * @property {Uint8Array|null} [taprootMerkleRoot] SessionProposal taprootMerkleRoot
             * @property {tessera.v1.Transaction.$Properties|null} [transaction] SessionProposal transaction
             * @property {string|null} [presignature] SessionProposal presignature
             * @property {number|null} [generation] SessionProposal generation
             * @property {Array.<tessera.v1.LifecycleMember.$Properties>|null} [members] SessionProposal members
             * @property {Uint8Array|null} [repairTarget] SessionProposal repairTarget
             * @property {boolean|null} [lifecycleCheck] SessionProposal lifecycleCheck
             * @property {Uint8Array|null} [lifecycleSession] SessionProposal lifecycleSession
             * @property {Array.<Uint8Array>|null} [certificate] SessionProposal certificate
             * @property {Uint8Array|null} [checkSignature] SessionProposal checkSignature
             * @property {Array.<tessera.v1.SignItem.$Properties>|null} [items] SessionProposal items
             * @property {Array.<tessera.v1.SignerCommitments.$Properties>|null} [commitments] SessionProposal commitments
             * @property {number|null} [commitCount] SessionProposal commitCount
             * @property {number|null} [approvalWaitMs] SessionProposal approvalWaitMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SessionProposal.
             * @memberof tessera.v1
             * @interface ISessionProposal
             * @augments tessera.v1.SessionProposal.$Properties
             * @deprecated Use tessera.v1.SessionProposal.$Properties instead.
             */

            /**
             * Shape of a SessionProposal.
             * @typedef {tessera.v1.SessionProposal.$Properties} tessera.v1.SessionProposal.$Shape
             */

            /**
             * Constructs a new SessionProposal.
             * @memberof tessera.v1
             * @classdesc Represents a SessionProposal.
             * @constructor
             * @param {tessera.v1.SessionProposal.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SessionProposal = function (p) {
                this.parties = [];
                this.derivationPath = [];
                this.members = [];
                this.certificate = [];
                this.items = [];
                this.commitments = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SessionProposal kind.
             * @member {tessera.v1.SessionKind} kind
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.kind = 0;

            /**
             * SessionProposal scheme.
             * @member {string} scheme
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.scheme = "";

            /**
             * SessionProposal keyId.
             * @member {string} keyId
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.keyId = "";

            /**
             * SessionProposal threshold.
             * @member {number} threshold
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.threshold = 0;

            /**
             * SessionProposal parties.
             * @member {Array.<Uint8Array>} parties
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.parties = $util.emptyArray;

            /**
             * SessionProposal message.
             * @member {tessera.v1.MessageToSign.$Properties|null|undefined} message
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.message = null;

            /**
             * SessionProposal derivationPath.
             * @member {Array.<number>} derivationPath
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.derivationPath = $util.emptyArray;

            /**
             * SessionProposal roundTimeoutMs.
             * @member {number} roundTimeoutMs
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.roundTimeoutMs = 0;

            /**
             * SessionProposal notAfterMs.
             * @member {number} notAfterMs
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.notAfterMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SessionProposal taprootOutput.
             * @member {boolean} taprootOutput
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.taprootOutput = false;

            /**
             * SessionProposal taprootMerkleRoot.
             * @member {Uint8Array} taprootMerkleRoot
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.taprootMerkleRoot = $util.newBuffer([]);

            /**
             * SessionProposal transaction.
             * @member {tessera.v1.Transaction.$Properties|null|undefined} transaction
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.transaction = null;

            /**
             * SessionProposal presignature.
             * @member {string} presignature
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.presignature = "";

            /**
             * SessionProposal generation.
             * @member {number} generation
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.generation = 0;

            /**
             * SessionProposal members.
             * @member {Array.<tessera.v1.LifecycleMember.$Properties>} members
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.members = $util.emptyArray;

            /**
             * SessionProposal repairTarget.
             * @member {Uint8Array} repairTarget
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.repairTarget = $util.newBuffer([]);

            /**
             * SessionProposal lifecycleCheck.
             * @member {boolean} lifecycleCheck
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.lifecycleCheck = false;

            /**
             * SessionProposal lifecycleSession.
             * @member {Uint8Array} lifecycleSession
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.lifecycleSession = $util.newBuffer([]);

            /**
             * SessionProposal certificate.
             * @member {Array.<Uint8Array>} certificate
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.certificate = $util.emptyArray;

            /**
             * SessionProposal checkSignature.
             * @member {Uint8Array} checkSignature
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.checkSignature = $util.newBuffer([]);

            /**
             * SessionProposal items.
             * @member {Array.<tessera.v1.SignItem.$Properties>} items
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.items = $util.emptyArray;

            /**
             * SessionProposal commitments.
             * @member {Array.<tessera.v1.SignerCommitments.$Properties>} commitments
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.commitments = $util.emptyArray;

            /**
             * SessionProposal commitCount.
             * @member {number} commitCount
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.commitCount = 0;

            /**
             * SessionProposal approvalWaitMs.
             * @member {number} approvalWaitMs
             * @memberof tessera.v1.SessionProposal
             * @instance
             */
            SessionProposal.prototype.approvalWaitMs = 0;

            /**
             * Creates a new SessionProposal instance using the specified properties.
             * @function create
             * @memberof tessera.v1.SessionProposal
             * @static
             * @param {tessera.v1.SessionProposal.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.SessionProposal} SessionProposal instance
             * @type {{
             *   (properties: tessera.v1.SessionProposal.$Shape): tessera.v1.SessionProposal & tessera.v1.SessionProposal.$Shape;
             *   (properties?: tessera.v1.SessionProposal.$Properties): tessera.v1.SessionProposal;
             * }}
             */
            SessionProposal.create = function(properties) {
                return new SessionProposal(properties);
            };

            /**
             * Encodes the specified SessionProposal message. Does not implicitly {@link tessera.v1.SessionProposal.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.SessionProposal
             * @static
             * @param {tessera.v1.SessionProposal.$Properties} m SessionProposal message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SessionProposal.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.kind);
                if (m.scheme != null && $Object.hasOwnProperty.call(m, "scheme") && m.scheme !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.scheme);
                if (m.keyId != null && $Object.hasOwnProperty.call(m, "keyId") && m.keyId !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.keyId);
                if (m.threshold != null && $Object.hasOwnProperty.call(m, "threshold") && m.threshold !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.threshold);
                if (m.parties != null && m.parties.length) {
                    for (var i = 0; i < m.parties.length; ++i)
                        w.uint32(/* id 5, wireType 2 =*/42).bytes(m.parties[i]);
                }
                if (m.message != null && $Object.hasOwnProperty.call(m, "message"))
                    $root.tessera.v1.MessageToSign.encode(m.message, w.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                if (m.derivationPath != null && m.derivationPath.length) {
                    w.uint32(/* id 7, wireType 2 =*/58).uint32s(m.derivationPath);
                }
                if (m.roundTimeoutMs != null && $Object.hasOwnProperty.call(m, "roundTimeoutMs") && m.roundTimeoutMs !== 0)
                    w.uint32(/* id 8, wireType 0 =*/64).uint32(m.roundTimeoutMs);
                if (m.notAfterMs != null && $Object.hasOwnProperty.call(m, "notAfterMs") && (typeof m.notAfterMs === "object" ? m.notAfterMs.low || m.notAfterMs.high : m.notAfterMs !== 0))
                    w.uint32(/* id 9, wireType 0 =*/72).uint64(m.notAfterMs);
                if (m.taprootOutput != null && $Object.hasOwnProperty.call(m, "taprootOutput") && m.taprootOutput !== false)
                    w.uint32(/* id 10, wireType 0 =*/80).bool(m.taprootOutput);
                if (m.taprootMerkleRoot != null && $Object.hasOwnProperty.call(m, "taprootMerkleRoot") && m.taprootMerkleRoot.length)
                    w.uint32(/* id 11, wireType 2 =*/90).bytes(m.taprootMerkleRoot);
                if (m.transaction != null && $Object.hasOwnProperty.call(m, "transaction"))
                    $root.tessera.v1.Transaction.encode(m.transaction, w.uint32(/* id 12, wireType 2 =*/98).fork(), q + 1).ldelim();
                if (m.presignature != null && $Object.hasOwnProperty.call(m, "presignature") && m.presignature !== "")
                    w.uint32(/* id 13, wireType 2 =*/106).string(m.presignature);
                if (m.generation != null && $Object.hasOwnProperty.call(m, "generation") && m.generation !== 0)
                    w.uint32(/* id 14, wireType 0 =*/112).uint32(m.generation);
                if (m.members != null && m.members.length) {
                    for (var i = 0; i < m.members.length; ++i)
                        $root.tessera.v1.LifecycleMember.encode(m.members[i], w.uint32(/* id 15, wireType 2 =*/122).fork(), q + 1).ldelim();
                }
                if (m.repairTarget != null && $Object.hasOwnProperty.call(m, "repairTarget") && m.repairTarget.length)
                    w.uint32(/* id 16, wireType 2 =*/130).bytes(m.repairTarget);
                if (m.lifecycleCheck != null && $Object.hasOwnProperty.call(m, "lifecycleCheck") && m.lifecycleCheck !== false)
                    w.uint32(/* id 17, wireType 0 =*/136).bool(m.lifecycleCheck);
                if (m.lifecycleSession != null && $Object.hasOwnProperty.call(m, "lifecycleSession") && m.lifecycleSession.length)
                    w.uint32(/* id 18, wireType 2 =*/146).bytes(m.lifecycleSession);
                if (m.certificate != null && m.certificate.length) {
                    for (var i = 0; i < m.certificate.length; ++i)
                        w.uint32(/* id 19, wireType 2 =*/154).bytes(m.certificate[i]);
                }
                if (m.checkSignature != null && $Object.hasOwnProperty.call(m, "checkSignature") && m.checkSignature.length)
                    w.uint32(/* id 20, wireType 2 =*/162).bytes(m.checkSignature);
                if (m.items != null && m.items.length) {
                    for (var i = 0; i < m.items.length; ++i)
                        $root.tessera.v1.SignItem.encode(m.items[i], w.uint32(/* id 21, wireType 2 =*/170).fork(), q + 1).ldelim();
                }
                if (m.commitments != null && m.commitments.length) {
                    for (var i = 0; i < m.commitments.length; ++i)
                        $root.tessera.v1.SignerCommitments.encode(m.commitments[i], w.uint32(/* id 22, wireType 2 =*/178).fork(), q + 1).ldelim();
                }
                if (m.commitCount != null && $Object.hasOwnProperty.call(m, "commitCount") && m.commitCount !== 0)
                    w.uint32(/* id 23, wireType 0 =*/184).uint32(m.commitCount);
                if (m.approvalWaitMs != null && $Object.hasOwnProperty.call(m, "approvalWaitMs") && m.approvalWaitMs !== 0)
                    w.uint32(/* id 24, wireType 0 =*/192).uint32(m.approvalWaitMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a SessionProposal message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.SessionProposal
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.SessionProposal & tessera.v1.SessionProposal.$Shape} SessionProposal
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SessionProposal.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.SessionProposal();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.kind = v;
                            else
                                delete m.kind;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.scheme = v;
                            else
                                delete m.scheme;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.keyId = v;
                            else
                                delete m.keyId;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.threshold = v;
                            else
                                delete m.threshold;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (!(m.parties && m.parties.length))
                                m.parties = [];
                            m.parties.push(r.bytes());
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.message = $root.tessera.v1.MessageToSign.decode(r, r.size(), $undefined, q + 1, m.message);
                            continue;
                        }
                    case 7: {
                            if (u === 2) {
                                if (!(m.derivationPath && m.derivationPath.length))
                                    m.derivationPath = [];
                                r.uint32s(m.derivationPath);
                                continue;
                            }
                            if (u !== 0)
                                break;
                            if (!(m.derivationPath && m.derivationPath.length))
                                m.derivationPath = [];
                            m.derivationPath.push(r.uint32());
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.roundTimeoutMs = v;
                            else
                                delete m.roundTimeoutMs;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.notAfterMs = v;
                            else
                                delete m.notAfterMs;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.taprootOutput = v;
                            else
                                delete m.taprootOutput;
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.taprootMerkleRoot = v;
                            else
                                delete m.taprootMerkleRoot;
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            m.transaction = $root.tessera.v1.Transaction.decode(r, r.size(), $undefined, q + 1, m.transaction);
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.presignature = v;
                            else
                                delete m.presignature;
                            continue;
                        }
                    case 14: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.generation = v;
                            else
                                delete m.generation;
                            continue;
                        }
                    case 15: {
                            if (u !== 2)
                                break;
                            if (!(m.members && m.members.length))
                                m.members = [];
                            m.members.push($root.tessera.v1.LifecycleMember.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 16: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.repairTarget = v;
                            else
                                delete m.repairTarget;
                            continue;
                        }
                    case 17: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.lifecycleCheck = v;
                            else
                                delete m.lifecycleCheck;
                            continue;
                        }
                    case 18: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.lifecycleSession = v;
                            else
                                delete m.lifecycleSession;
                            continue;
                        }
                    case 19: {
                            if (u !== 2)
                                break;
                            if (!(m.certificate && m.certificate.length))
                                m.certificate = [];
                            m.certificate.push(r.bytes());
                            continue;
                        }
                    case 20: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.checkSignature = v;
                            else
                                delete m.checkSignature;
                            continue;
                        }
                    case 21: {
                            if (u !== 2)
                                break;
                            if (!(m.items && m.items.length))
                                m.items = [];
                            m.items.push($root.tessera.v1.SignItem.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 22: {
                            if (u !== 2)
                                break;
                            if (!(m.commitments && m.commitments.length))
                                m.commitments = [];
                            m.commitments.push($root.tessera.v1.SignerCommitments.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 23: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.commitCount = v;
                            else
                                delete m.commitCount;
                            continue;
                        }
                    case 24: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.approvalWaitMs = v;
                            else
                                delete m.approvalWaitMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for SessionProposal
             * @function getTypeUrl
             * @memberof tessera.v1.SessionProposal
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SessionProposal.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.SessionProposal";
            };

            return SessionProposal;
        })();

        v1.SignItem = (function() {

            /**
             * Properties of a SignItem.
             * @typedef {Object} tessera.v1.SignItem.$Properties
             * @property {tessera.v1.MessageToSign.$Properties|null} [message] SignItem message
             * @property {Array.<number>|null} [derivationPath] SignItem derivationPath
             * @property {number|null} [inputIndex] SignItem inputIndex
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SignItem.
             * @memberof tessera.v1
             * @interface ISignItem
             * @augments tessera.v1.SignItem.$Properties
             * @deprecated Use tessera.v1.SignItem.$Properties instead.
             */

            /**
             * Shape of a SignItem.
             * @typedef {tessera.v1.SignItem.$Properties} tessera.v1.SignItem.$Shape
             */

            /**
             * Constructs a new SignItem.
             * @memberof tessera.v1
             * @classdesc Represents a SignItem.
             * @constructor
             * @param {tessera.v1.SignItem.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SignItem = function (p) {
                this.derivationPath = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SignItem message.
             * @member {tessera.v1.MessageToSign.$Properties|null|undefined} message
             * @memberof tessera.v1.SignItem
             * @instance
             */
            SignItem.prototype.message = null;

            /**
             * SignItem derivationPath.
             * @member {Array.<number>} derivationPath
             * @memberof tessera.v1.SignItem
             * @instance
             */
            SignItem.prototype.derivationPath = $util.emptyArray;

            /**
             * SignItem inputIndex.
             * @member {number} inputIndex
             * @memberof tessera.v1.SignItem
             * @instance
             */
            SignItem.prototype.inputIndex = 0;

            /**
             * Creates a new SignItem instance using the specified properties.
             * @function create
             * @memberof tessera.v1.SignItem
             * @static
             * @param {tessera.v1.SignItem.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.SignItem} SignItem instance
             * @type {{
             *   (properties: tessera.v1.SignItem.$Shape): tessera.v1.SignItem & tessera.v1.SignItem.$Shape;
             *   (properties?: tessera.v1.SignItem.$Properties): tessera.v1.SignItem;
             * }}
             */
            SignItem.create = function(properties) {
                return new SignItem(properties);
            };

            /**
             * Encodes the specified SignItem message. Does not implicitly {@link tessera.v1.SignItem.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.SignItem
             * @static
             * @param {tessera.v1.SignItem.$Properties} m SignItem message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SignItem.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.message != null && $Object.hasOwnProperty.call(m, "message"))
                    $root.tessera.v1.MessageToSign.encode(m.message, w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (m.derivationPath != null && m.derivationPath.length) {
                    w.uint32(/* id 2, wireType 2 =*/18).uint32s(m.derivationPath);
                }
                if (m.inputIndex != null && $Object.hasOwnProperty.call(m, "inputIndex") && m.inputIndex !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).uint32(m.inputIndex);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a SignItem message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.SignItem
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.SignItem & tessera.v1.SignItem.$Shape} SignItem
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SignItem.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.SignItem();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.message = $root.tessera.v1.MessageToSign.decode(r, r.size(), $undefined, q + 1, m.message);
                            continue;
                        }
                    case 2: {
                            if (u === 2) {
                                if (!(m.derivationPath && m.derivationPath.length))
                                    m.derivationPath = [];
                                r.uint32s(m.derivationPath);
                                continue;
                            }
                            if (u !== 0)
                                break;
                            if (!(m.derivationPath && m.derivationPath.length))
                                m.derivationPath = [];
                            m.derivationPath.push(r.uint32());
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.inputIndex = v;
                            else
                                delete m.inputIndex;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for SignItem
             * @function getTypeUrl
             * @memberof tessera.v1.SignItem
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SignItem.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.SignItem";
            };

            return SignItem;
        })();

        v1.Commitment = (function() {

            /**
             * Properties of a Commitment.
             * @typedef {Object} tessera.v1.Commitment.$Properties
             * @property {Uint8Array|null} [hiding] Commitment hiding
             * @property {Uint8Array|null} [binding] Commitment binding
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Commitment.
             * @memberof tessera.v1
             * @interface ICommitment
             * @augments tessera.v1.Commitment.$Properties
             * @deprecated Use tessera.v1.Commitment.$Properties instead.
             */

            /**
             * Shape of a Commitment.
             * @typedef {tessera.v1.Commitment.$Properties} tessera.v1.Commitment.$Shape
             */

            /**
             * Constructs a new Commitment.
             * @memberof tessera.v1
             * @classdesc Represents a Commitment.
             * @constructor
             * @param {tessera.v1.Commitment.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Commitment = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Commitment hiding.
             * @member {Uint8Array} hiding
             * @memberof tessera.v1.Commitment
             * @instance
             */
            Commitment.prototype.hiding = $util.newBuffer([]);

            /**
             * Commitment binding.
             * @member {Uint8Array} binding
             * @memberof tessera.v1.Commitment
             * @instance
             */
            Commitment.prototype.binding = $util.newBuffer([]);

            /**
             * Creates a new Commitment instance using the specified properties.
             * @function create
             * @memberof tessera.v1.Commitment
             * @static
             * @param {tessera.v1.Commitment.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.Commitment} Commitment instance
             * @type {{
             *   (properties: tessera.v1.Commitment.$Shape): tessera.v1.Commitment & tessera.v1.Commitment.$Shape;
             *   (properties?: tessera.v1.Commitment.$Properties): tessera.v1.Commitment;
             * }}
             */
            Commitment.create = function(properties) {
                return new Commitment(properties);
            };

            /**
             * Encodes the specified Commitment message. Does not implicitly {@link tessera.v1.Commitment.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.Commitment
             * @static
             * @param {tessera.v1.Commitment.$Properties} m Commitment message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Commitment.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.hiding != null && $Object.hasOwnProperty.call(m, "hiding") && m.hiding.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.hiding);
                if (m.binding != null && $Object.hasOwnProperty.call(m, "binding") && m.binding.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.binding);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Commitment message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.Commitment
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.Commitment & tessera.v1.Commitment.$Shape} Commitment
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Commitment.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.Commitment();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.hiding = v;
                            else
                                delete m.hiding;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.binding = v;
                            else
                                delete m.binding;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for Commitment
             * @function getTypeUrl
             * @memberof tessera.v1.Commitment
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Commitment.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.Commitment";
            };

            return Commitment;
        })();

        v1.SignerCommitments = (function() {

            /**
             * Properties of a SignerCommitments.
             * @typedef {Object} tessera.v1.SignerCommitments.$Properties
             * @property {Uint8Array|null} [identityKey] SignerCommitments identityKey
             * @property {Array.<tessera.v1.Commitment.$Properties>|null} [commitments] SignerCommitments commitments
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SignerCommitments.
             * @memberof tessera.v1
             * @interface ISignerCommitments
             * @augments tessera.v1.SignerCommitments.$Properties
             * @deprecated Use tessera.v1.SignerCommitments.$Properties instead.
             */

            /**
             * Shape of a SignerCommitments.
             * @typedef {tessera.v1.SignerCommitments.$Properties} tessera.v1.SignerCommitments.$Shape
             */

            /**
             * Constructs a new SignerCommitments.
             * @memberof tessera.v1
             * @classdesc Represents a SignerCommitments.
             * @constructor
             * @param {tessera.v1.SignerCommitments.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SignerCommitments = function (p) {
                this.commitments = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SignerCommitments identityKey.
             * @member {Uint8Array} identityKey
             * @memberof tessera.v1.SignerCommitments
             * @instance
             */
            SignerCommitments.prototype.identityKey = $util.newBuffer([]);

            /**
             * SignerCommitments commitments.
             * @member {Array.<tessera.v1.Commitment.$Properties>} commitments
             * @memberof tessera.v1.SignerCommitments
             * @instance
             */
            SignerCommitments.prototype.commitments = $util.emptyArray;

            /**
             * Creates a new SignerCommitments instance using the specified properties.
             * @function create
             * @memberof tessera.v1.SignerCommitments
             * @static
             * @param {tessera.v1.SignerCommitments.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.SignerCommitments} SignerCommitments instance
             * @type {{
             *   (properties: tessera.v1.SignerCommitments.$Shape): tessera.v1.SignerCommitments & tessera.v1.SignerCommitments.$Shape;
             *   (properties?: tessera.v1.SignerCommitments.$Properties): tessera.v1.SignerCommitments;
             * }}
             */
            SignerCommitments.create = function(properties) {
                return new SignerCommitments(properties);
            };

            /**
             * Encodes the specified SignerCommitments message. Does not implicitly {@link tessera.v1.SignerCommitments.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.SignerCommitments
             * @static
             * @param {tessera.v1.SignerCommitments.$Properties} m SignerCommitments message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SignerCommitments.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.identityKey != null && $Object.hasOwnProperty.call(m, "identityKey") && m.identityKey.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.identityKey);
                if (m.commitments != null && m.commitments.length) {
                    for (var i = 0; i < m.commitments.length; ++i)
                        $root.tessera.v1.Commitment.encode(m.commitments[i], w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a SignerCommitments message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.SignerCommitments
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.SignerCommitments & tessera.v1.SignerCommitments.$Shape} SignerCommitments
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SignerCommitments.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.SignerCommitments();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.identityKey = v;
                            else
                                delete m.identityKey;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if (!(m.commitments && m.commitments.length))
                                m.commitments = [];
                            m.commitments.push($root.tessera.v1.Commitment.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for SignerCommitments
             * @function getTypeUrl
             * @memberof tessera.v1.SignerCommitments
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SignerCommitments.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.SignerCommitments";
            };

            return SignerCommitments;
        })();

        v1.LifecycleMember = (function() {

            /**
             * Properties of a LifecycleMember.
             * @typedef {Object} tessera.v1.LifecycleMember.$Properties
             * @property {Uint8Array|null} [identityKey] LifecycleMember identityKey
             * @property {number|null} [oldPoint] LifecycleMember oldPoint
             * @property {number|null} [newPoint] LifecycleMember newPoint
             * @property {boolean|null} [dealer] LifecycleMember dealer
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LifecycleMember.
             * @memberof tessera.v1
             * @interface ILifecycleMember
             * @augments tessera.v1.LifecycleMember.$Properties
             * @deprecated Use tessera.v1.LifecycleMember.$Properties instead.
             */

            /**
             * Shape of a LifecycleMember.
             * @typedef {tessera.v1.LifecycleMember.$Properties} tessera.v1.LifecycleMember.$Shape
             */

            /**
             * Constructs a new LifecycleMember.
             * @memberof tessera.v1
             * @classdesc Represents a LifecycleMember.
             * @constructor
             * @param {tessera.v1.LifecycleMember.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LifecycleMember = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * LifecycleMember identityKey.
             * @member {Uint8Array} identityKey
             * @memberof tessera.v1.LifecycleMember
             * @instance
             */
            LifecycleMember.prototype.identityKey = $util.newBuffer([]);

            /**
             * LifecycleMember oldPoint.
             * @member {number} oldPoint
             * @memberof tessera.v1.LifecycleMember
             * @instance
             */
            LifecycleMember.prototype.oldPoint = 0;

            /**
             * LifecycleMember newPoint.
             * @member {number} newPoint
             * @memberof tessera.v1.LifecycleMember
             * @instance
             */
            LifecycleMember.prototype.newPoint = 0;

            /**
             * LifecycleMember dealer.
             * @member {boolean} dealer
             * @memberof tessera.v1.LifecycleMember
             * @instance
             */
            LifecycleMember.prototype.dealer = false;

            /**
             * Creates a new LifecycleMember instance using the specified properties.
             * @function create
             * @memberof tessera.v1.LifecycleMember
             * @static
             * @param {tessera.v1.LifecycleMember.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.LifecycleMember} LifecycleMember instance
             * @type {{
             *   (properties: tessera.v1.LifecycleMember.$Shape): tessera.v1.LifecycleMember & tessera.v1.LifecycleMember.$Shape;
             *   (properties?: tessera.v1.LifecycleMember.$Properties): tessera.v1.LifecycleMember;
             * }}
             */
            LifecycleMember.create = function(properties) {
                return new LifecycleMember(properties);
            };

            /**
             * Encodes the specified LifecycleMember message. Does not implicitly {@link tessera.v1.LifecycleMember.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.LifecycleMember
             * @static
             * @param {tessera.v1.LifecycleMember.$Properties} m LifecycleMember message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LifecycleMember.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.identityKey != null && $Object.hasOwnProperty.call(m, "identityKey") && m.identityKey.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.identityKey);
                if (m.oldPoint != null && $Object.hasOwnProperty.call(m, "oldPoint") && m.oldPoint !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.oldPoint);
                if (m.newPoint != null && $Object.hasOwnProperty.call(m, "newPoint") && m.newPoint !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).uint32(m.newPoint);
                if (m.dealer != null && $Object.hasOwnProperty.call(m, "dealer") && m.dealer !== false)
                    w.uint32(/* id 4, wireType 0 =*/32).bool(m.dealer);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a LifecycleMember message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.LifecycleMember
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.LifecycleMember & tessera.v1.LifecycleMember.$Shape} LifecycleMember
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LifecycleMember.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.LifecycleMember();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.identityKey = v;
                            else
                                delete m.identityKey;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.oldPoint = v;
                            else
                                delete m.oldPoint;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.newPoint = v;
                            else
                                delete m.newPoint;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.dealer = v;
                            else
                                delete m.dealer;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for LifecycleMember
             * @function getTypeUrl
             * @memberof tessera.v1.LifecycleMember
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            LifecycleMember.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.LifecycleMember";
            };

            return LifecycleMember;
        })();

        /**
         * TransactionKind enum.
         * @name tessera.v1.TransactionKind
         * @enum {number}
         * @property {number} TRANSACTION_KIND_UNSPECIFIED=0 TRANSACTION_KIND_UNSPECIFIED value
         * @property {number} TRANSACTION_KIND_PSBT=1 TRANSACTION_KIND_PSBT value
         * @property {number} TRANSACTION_KIND_ETHEREUM=2 TRANSACTION_KIND_ETHEREUM value
         * @property {number} TRANSACTION_KIND_SOLANA=3 TRANSACTION_KIND_SOLANA value
         */
        v1.TransactionKind = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "TRANSACTION_KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "TRANSACTION_KIND_PSBT"] = 1;
            values[valuesById[2] = "TRANSACTION_KIND_ETHEREUM"] = 2;
            values[valuesById[3] = "TRANSACTION_KIND_SOLANA"] = 3;
            return values;
        })();

        v1.Transaction = (function() {

            /**
             * Properties of a Transaction.
             * @typedef {Object} tessera.v1.Transaction.$Properties
             * @property {tessera.v1.TransactionKind|null} [kind] Transaction kind
             * @property {Uint8Array|null} [data] Transaction data
             * @property {number|null} [inputIndex] Transaction inputIndex
             * @property {string|null} [network] Transaction network
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Transaction.
             * @memberof tessera.v1
             * @interface ITransaction
             * @augments tessera.v1.Transaction.$Properties
             * @deprecated Use tessera.v1.Transaction.$Properties instead.
             */

            /**
             * Shape of a Transaction.
             * @typedef {tessera.v1.Transaction.$Properties} tessera.v1.Transaction.$Shape
             */

            /**
             * Constructs a new Transaction.
             * @memberof tessera.v1
             * @classdesc Represents a Transaction.
             * @constructor
             * @param {tessera.v1.Transaction.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Transaction = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Transaction kind.
             * @member {tessera.v1.TransactionKind} kind
             * @memberof tessera.v1.Transaction
             * @instance
             */
            Transaction.prototype.kind = 0;

            /**
             * Transaction data.
             * @member {Uint8Array} data
             * @memberof tessera.v1.Transaction
             * @instance
             */
            Transaction.prototype.data = $util.newBuffer([]);

            /**
             * Transaction inputIndex.
             * @member {number} inputIndex
             * @memberof tessera.v1.Transaction
             * @instance
             */
            Transaction.prototype.inputIndex = 0;

            /**
             * Transaction network.
             * @member {string} network
             * @memberof tessera.v1.Transaction
             * @instance
             */
            Transaction.prototype.network = "";

            /**
             * Creates a new Transaction instance using the specified properties.
             * @function create
             * @memberof tessera.v1.Transaction
             * @static
             * @param {tessera.v1.Transaction.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.Transaction} Transaction instance
             * @type {{
             *   (properties: tessera.v1.Transaction.$Shape): tessera.v1.Transaction & tessera.v1.Transaction.$Shape;
             *   (properties?: tessera.v1.Transaction.$Properties): tessera.v1.Transaction;
             * }}
             */
            Transaction.create = function(properties) {
                return new Transaction(properties);
            };

            /**
             * Encodes the specified Transaction message. Does not implicitly {@link tessera.v1.Transaction.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.Transaction
             * @static
             * @param {tessera.v1.Transaction.$Properties} m Transaction message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Transaction.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.kind);
                if (m.data != null && $Object.hasOwnProperty.call(m, "data") && m.data.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.data);
                if (m.inputIndex != null && $Object.hasOwnProperty.call(m, "inputIndex") && m.inputIndex !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).uint32(m.inputIndex);
                if (m.network != null && $Object.hasOwnProperty.call(m, "network") && m.network !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.network);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Transaction message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.Transaction
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.Transaction & tessera.v1.Transaction.$Shape} Transaction
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Transaction.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.Transaction();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.kind = v;
                            else
                                delete m.kind;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.data = v;
                            else
                                delete m.data;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.inputIndex = v;
                            else
                                delete m.inputIndex;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.network = v;
                            else
                                delete m.network;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for Transaction
             * @function getTypeUrl
             * @memberof tessera.v1.Transaction
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Transaction.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.Transaction";
            };

            return Transaction;
        })();

        v1.SessionHello = (function() {

            /**
             * Properties of a SessionHello.
             * @typedef {Object} tessera.v1.SessionHello.$Properties
             * @property {Uint8Array|null} [x25519PublicKey] SessionHello x25519PublicKey
             * @property {Uint8Array|null} [context] SessionHello context
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SessionHello.
             * @memberof tessera.v1
             * @interface ISessionHello
             * @augments tessera.v1.SessionHello.$Properties
             * @deprecated Use tessera.v1.SessionHello.$Properties instead.
             */

            /**
             * Shape of a SessionHello.
             * @typedef {tessera.v1.SessionHello.$Properties} tessera.v1.SessionHello.$Shape
             */

            /**
             * Constructs a new SessionHello.
             * @memberof tessera.v1
             * @classdesc Represents a SessionHello.
             * @constructor
             * @param {tessera.v1.SessionHello.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SessionHello = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SessionHello x25519PublicKey.
             * @member {Uint8Array} x25519PublicKey
             * @memberof tessera.v1.SessionHello
             * @instance
             */
            SessionHello.prototype.x25519PublicKey = $util.newBuffer([]);

            /**
             * SessionHello context.
             * @member {Uint8Array} context
             * @memberof tessera.v1.SessionHello
             * @instance
             */
            SessionHello.prototype.context = $util.newBuffer([]);

            /**
             * Creates a new SessionHello instance using the specified properties.
             * @function create
             * @memberof tessera.v1.SessionHello
             * @static
             * @param {tessera.v1.SessionHello.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.SessionHello} SessionHello instance
             * @type {{
             *   (properties: tessera.v1.SessionHello.$Shape): tessera.v1.SessionHello & tessera.v1.SessionHello.$Shape;
             *   (properties?: tessera.v1.SessionHello.$Properties): tessera.v1.SessionHello;
             * }}
             */
            SessionHello.create = function(properties) {
                return new SessionHello(properties);
            };

            /**
             * Encodes the specified SessionHello message. Does not implicitly {@link tessera.v1.SessionHello.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.SessionHello
             * @static
             * @param {tessera.v1.SessionHello.$Properties} m SessionHello message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SessionHello.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.x25519PublicKey != null && $Object.hasOwnProperty.call(m, "x25519PublicKey") && m.x25519PublicKey.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.x25519PublicKey);
                if (m.context != null && $Object.hasOwnProperty.call(m, "context") && m.context.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.context);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a SessionHello message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.SessionHello
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.SessionHello & tessera.v1.SessionHello.$Shape} SessionHello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SessionHello.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.SessionHello();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.x25519PublicKey = v;
                            else
                                delete m.x25519PublicKey;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.context = v;
                            else
                                delete m.context;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for SessionHello
             * @function getTypeUrl
             * @memberof tessera.v1.SessionHello
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SessionHello.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.SessionHello";
            };

            return SessionHello;
        })();

        v1.Abort = (function() {

            /**
             * Properties of an Abort.
             * @typedef {Object} tessera.v1.Abort.$Properties
             * @property {string|null} [code] Abort code
             * @property {Array.<Uint8Array>|null} [culprits] Abort culprits
             * @property {string|null} [reason] Abort reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Abort.
             * @memberof tessera.v1
             * @interface IAbort
             * @augments tessera.v1.Abort.$Properties
             * @deprecated Use tessera.v1.Abort.$Properties instead.
             */

            /**
             * Shape of an Abort.
             * @typedef {tessera.v1.Abort.$Properties} tessera.v1.Abort.$Shape
             */

            /**
             * Constructs a new Abort.
             * @memberof tessera.v1
             * @classdesc Represents an Abort.
             * @constructor
             * @param {tessera.v1.Abort.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Abort = function (p) {
                this.culprits = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Abort code.
             * @member {string} code
             * @memberof tessera.v1.Abort
             * @instance
             */
            Abort.prototype.code = "";

            /**
             * Abort culprits.
             * @member {Array.<Uint8Array>} culprits
             * @memberof tessera.v1.Abort
             * @instance
             */
            Abort.prototype.culprits = $util.emptyArray;

            /**
             * Abort reason.
             * @member {string} reason
             * @memberof tessera.v1.Abort
             * @instance
             */
            Abort.prototype.reason = "";

            /**
             * Creates a new Abort instance using the specified properties.
             * @function create
             * @memberof tessera.v1.Abort
             * @static
             * @param {tessera.v1.Abort.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.Abort} Abort instance
             * @type {{
             *   (properties: tessera.v1.Abort.$Shape): tessera.v1.Abort & tessera.v1.Abort.$Shape;
             *   (properties?: tessera.v1.Abort.$Properties): tessera.v1.Abort;
             * }}
             */
            Abort.create = function(properties) {
                return new Abort(properties);
            };

            /**
             * Encodes the specified Abort message. Does not implicitly {@link tessera.v1.Abort.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.Abort
             * @static
             * @param {tessera.v1.Abort.$Properties} m Abort message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Abort.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.code != null && $Object.hasOwnProperty.call(m, "code") && m.code !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.code);
                if (m.culprits != null && m.culprits.length) {
                    for (var i = 0; i < m.culprits.length; ++i)
                        w.uint32(/* id 2, wireType 2 =*/18).bytes(m.culprits[i]);
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.reason);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an Abort message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.Abort
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.Abort & tessera.v1.Abort.$Shape} Abort
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Abort.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.Abort();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.code = v;
                            else
                                delete m.code;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if (!(m.culprits && m.culprits.length))
                                m.culprits = [];
                            m.culprits.push(r.bytes());
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reason = v;
                            else
                                delete m.reason;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for Abort
             * @function getTypeUrl
             * @memberof tessera.v1.Abort
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Abort.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.Abort";
            };

            return Abort;
        })();

        v1.SessionResult = (function() {

            /**
             * Properties of a SessionResult.
             * @typedef {Object} tessera.v1.SessionResult.$Properties
             * @property {string|null} [keyId] SessionResult keyId
             * @property {Uint8Array|null} [publicKey] SessionResult publicKey
             * @property {Uint8Array|null} [signature] SessionResult signature
             * @property {number|null} [recovery] SessionResult recovery
             * @property {Uint8Array|null} [chainCode] SessionResult chainCode
             * @property {Uint8Array|null} [groupPublicKey] SessionResult groupPublicKey
             * @property {string|null} [presignature] SessionResult presignature
             * @property {number|null} [generation] SessionResult generation
             * @property {Uint8Array|null} [transcript] SessionResult transcript
             * @property {Uint8Array|null} [transcriptSignature] SessionResult transcriptSignature
             * @property {Array.<Uint8Array>|null} [signatures] SessionResult signatures
             * @property {Array.<number>|null} [recoveries] SessionResult recoveries
             * @property {Array.<Uint8Array>|null} [publicKeys] SessionResult publicKeys
             * @property {Array.<Uint8Array>|null} [shares] SessionResult shares
             * @property {Array.<tessera.v1.Commitment.$Properties>|null} [commitments] SessionResult commitments
             * @property {Array.<Uint8Array>|null} [vssCommitment] SessionResult vssCommitment
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SessionResult.
             * @memberof tessera.v1
             * @interface ISessionResult
             * @augments tessera.v1.SessionResult.$Properties
             * @deprecated Use tessera.v1.SessionResult.$Properties instead.
             */

            /**
             * Shape of a SessionResult.
             * @typedef {tessera.v1.SessionResult.$Properties} tessera.v1.SessionResult.$Shape
             */

            /**
             * Constructs a new SessionResult.
             * @memberof tessera.v1
             * @classdesc Represents a SessionResult.
             * @constructor
             * @param {tessera.v1.SessionResult.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SessionResult = function (p) {
                this.signatures = [];
                this.recoveries = [];
                this.publicKeys = [];
                this.shares = [];
                this.commitments = [];
                this.vssCommitment = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SessionResult keyId.
             * @member {string} keyId
             * @memberof tessera.v1.SessionResult
             * @instance
             */
            SessionResult.prototype.keyId = "";

            /**
             * SessionResult publicKey.
             * @member {Uint8Array} publicKey
             * @memberof tessera.v1.SessionResult
             * @instance
             */
            SessionResult.prototype.publicKey = $util.newBuffer([]);

            /**
             * SessionResult signature.
             * @member {Uint8Array} signature
             * @memberof tessera.v1.SessionResult
             * @instance
             */
            SessionResult.prototype.signature = $util.newBuffer([]);

            /**
             * SessionResult recovery.
             * @member {number} recovery
             * @memberof tessera.v1.SessionResult
             * @instance
             */
            SessionResult.prototype.recovery = 0;

            /**
             * SessionResult chainCode.
             * @member {Uint8Array} chainCode
             * @memberof tessera.v1.SessionResult
             * @instance
             */
            SessionResult.prototype.chainCode = $util.newBuffer([]);

            /**
             * SessionResult groupPublicKey.
             * @member {Uint8Array} groupPublicKey
             * @memberof tessera.v1.SessionResult
             * @instance
             */
            SessionResult.prototype.groupPublicKey = $util.newBuffer([]);

            /**
             * SessionResult presignature.
             * @member {string} presignature
             * @memberof tessera.v1.SessionResult
             * @instance
             */
            SessionResult.prototype.presignature = "";

            /**
             * SessionResult generation.
             * @member {number} generation
             * @memberof tessera.v1.SessionResult
             * @instance
             */
            SessionResult.prototype.generation = 0;

            /**
             * SessionResult transcript.
             * @member {Uint8Array} transcript
             * @memberof tessera.v1.SessionResult
             * @instance
             */
            SessionResult.prototype.transcript = $util.newBuffer([]);

            /**
             * SessionResult transcriptSignature.
             * @member {Uint8Array} transcriptSignature
             * @memberof tessera.v1.SessionResult
             * @instance
             */
            SessionResult.prototype.transcriptSignature = $util.newBuffer([]);

            /**
             * SessionResult signatures.
             * @member {Array.<Uint8Array>} signatures
             * @memberof tessera.v1.SessionResult
             * @instance
             */
            SessionResult.prototype.signatures = $util.emptyArray;

            /**
             * SessionResult recoveries.
             * @member {Array.<number>} recoveries
             * @memberof tessera.v1.SessionResult
             * @instance
             */
            SessionResult.prototype.recoveries = $util.emptyArray;

            /**
             * SessionResult publicKeys.
             * @member {Array.<Uint8Array>} publicKeys
             * @memberof tessera.v1.SessionResult
             * @instance
             */
            SessionResult.prototype.publicKeys = $util.emptyArray;

            /**
             * SessionResult shares.
             * @member {Array.<Uint8Array>} shares
             * @memberof tessera.v1.SessionResult
             * @instance
             */
            SessionResult.prototype.shares = $util.emptyArray;

            /**
             * SessionResult commitments.
             * @member {Array.<tessera.v1.Commitment.$Properties>} commitments
             * @memberof tessera.v1.SessionResult
             * @instance
             */
            SessionResult.prototype.commitments = $util.emptyArray;

            /**
             * SessionResult vssCommitment.
             * @member {Array.<Uint8Array>} vssCommitment
             * @memberof tessera.v1.SessionResult
             * @instance
             */
            SessionResult.prototype.vssCommitment = $util.emptyArray;

            /**
             * Creates a new SessionResult instance using the specified properties.
             * @function create
             * @memberof tessera.v1.SessionResult
             * @static
             * @param {tessera.v1.SessionResult.$Properties=} [properties] Properties to set
             * @returns {tessera.v1.SessionResult} SessionResult instance
             * @type {{
             *   (properties: tessera.v1.SessionResult.$Shape): tessera.v1.SessionResult & tessera.v1.SessionResult.$Shape;
             *   (properties?: tessera.v1.SessionResult.$Properties): tessera.v1.SessionResult;
             * }}
             */
            SessionResult.create = function(properties) {
                return new SessionResult(properties);
            };

            /**
             * Encodes the specified SessionResult message. Does not implicitly {@link tessera.v1.SessionResult.verify|verify} messages.
             * @function encode
             * @memberof tessera.v1.SessionResult
             * @static
             * @param {tessera.v1.SessionResult.$Properties} m SessionResult message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SessionResult.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.keyId != null && $Object.hasOwnProperty.call(m, "keyId") && m.keyId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.keyId);
                if (m.publicKey != null && $Object.hasOwnProperty.call(m, "publicKey") && m.publicKey.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.publicKey);
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature") && m.signature.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.signature);
                if (m.recovery != null && $Object.hasOwnProperty.call(m, "recovery") && m.recovery !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.recovery);
                if (m.chainCode != null && $Object.hasOwnProperty.call(m, "chainCode") && m.chainCode.length)
                    w.uint32(/* id 5, wireType 2 =*/42).bytes(m.chainCode);
                if (m.groupPublicKey != null && $Object.hasOwnProperty.call(m, "groupPublicKey") && m.groupPublicKey.length)
                    w.uint32(/* id 6, wireType 2 =*/50).bytes(m.groupPublicKey);
                if (m.presignature != null && $Object.hasOwnProperty.call(m, "presignature") && m.presignature !== "")
                    w.uint32(/* id 7, wireType 2 =*/58).string(m.presignature);
                if (m.generation != null && $Object.hasOwnProperty.call(m, "generation") && m.generation !== 0)
                    w.uint32(/* id 8, wireType 0 =*/64).uint32(m.generation);
                if (m.transcript != null && $Object.hasOwnProperty.call(m, "transcript") && m.transcript.length)
                    w.uint32(/* id 9, wireType 2 =*/74).bytes(m.transcript);
                if (m.transcriptSignature != null && $Object.hasOwnProperty.call(m, "transcriptSignature") && m.transcriptSignature.length)
                    w.uint32(/* id 10, wireType 2 =*/82).bytes(m.transcriptSignature);
                if (m.signatures != null && m.signatures.length) {
                    for (var i = 0; i < m.signatures.length; ++i)
                        w.uint32(/* id 11, wireType 2 =*/90).bytes(m.signatures[i]);
                }
                if (m.recoveries != null && m.recoveries.length) {
                    w.uint32(/* id 12, wireType 2 =*/98).uint32s(m.recoveries);
                }
                if (m.publicKeys != null && m.publicKeys.length) {
                    for (var i = 0; i < m.publicKeys.length; ++i)
                        w.uint32(/* id 13, wireType 2 =*/106).bytes(m.publicKeys[i]);
                }
                if (m.shares != null && m.shares.length) {
                    for (var i = 0; i < m.shares.length; ++i)
                        w.uint32(/* id 14, wireType 2 =*/114).bytes(m.shares[i]);
                }
                if (m.commitments != null && m.commitments.length) {
                    for (var i = 0; i < m.commitments.length; ++i)
                        $root.tessera.v1.Commitment.encode(m.commitments[i], w.uint32(/* id 15, wireType 2 =*/122).fork(), q + 1).ldelim();
                }
                if (m.vssCommitment != null && m.vssCommitment.length) {
                    for (var i = 0; i < m.vssCommitment.length; ++i)
                        w.uint32(/* id 16, wireType 2 =*/130).bytes(m.vssCommitment[i]);
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a SessionResult message from the specified reader or buffer.
             * @function decode
             * @memberof tessera.v1.SessionResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {tessera.v1.SessionResult & tessera.v1.SessionResult.$Shape} SessionResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SessionResult.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.tessera.v1.SessionResult();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.keyId = v;
                            else
                                delete m.keyId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.publicKey = v;
                            else
                                delete m.publicKey;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.signature = v;
                            else
                                delete m.signature;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.recovery = v;
                            else
                                delete m.recovery;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.chainCode = v;
                            else
                                delete m.chainCode;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.groupPublicKey = v;
                            else
                                delete m.groupPublicKey;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.presignature = v;
                            else
                                delete m.presignature;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.generation = v;
                            else
                                delete m.generation;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.transcript = v;
                            else
                                delete m.transcript;
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.transcriptSignature = v;
                            else
                                delete m.transcriptSignature;
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if (!(m.signatures && m.signatures.length))
                                m.signatures = [];
                            m.signatures.push(r.bytes());
                            continue;
                        }
                    case 12: {
                            if (u === 2) {
                                if (!(m.recoveries && m.recoveries.length))
                                    m.recoveries = [];
                                r.uint32s(m.recoveries);
                                continue;
                            }
                            if (u !== 0)
                                break;
                            if (!(m.recoveries && m.recoveries.length))
                                m.recoveries = [];
                            m.recoveries.push(r.uint32());
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            if (!(m.publicKeys && m.publicKeys.length))
                                m.publicKeys = [];
                            m.publicKeys.push(r.bytes());
                            continue;
                        }
                    case 14: {
                            if (u !== 2)
                                break;
                            if (!(m.shares && m.shares.length))
                                m.shares = [];
                            m.shares.push(r.bytes());
                            continue;
                        }
                    case 15: {
                            if (u !== 2)
                                break;
                            if (!(m.commitments && m.commitments.length))
                                m.commitments = [];
                            m.commitments.push($root.tessera.v1.Commitment.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 16: {
                            if (u !== 2)
                                break;
                            if (!(m.vssCommitment && m.vssCommitment.length))
                                m.vssCommitment = [];
                            m.vssCommitment.push(r.bytes());
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for SessionResult
             * @function getTypeUrl
             * @memberof tessera.v1.SessionResult
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SessionResult.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/tessera.v1.SessionResult";
            };

            return SessionResult;
        })();

        return v1;
    })();

    return tessera;
})();

export {
  $root as default
};
