import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace tessera {

    namespace v1 {

        interface IEnvelope extends tessera.v1.Envelope.$Properties {
        }

        class Envelope {
            constructor(p?: tessera.v1.Envelope.$Properties);
            $unknowns?: Uint8Array[];
            version: number;
            scheme: string;
            sessionId: Uint8Array;
            round: string;
            sender: Uint8Array;
            recipient: Uint8Array;
            sequence: number;
            payload: Uint8Array;
            encrypted: boolean;
            signature: Uint8Array;
            static create(properties: tessera.v1.Envelope.$Shape): tessera.v1.Envelope & tessera.v1.Envelope.$Shape;
            static create(properties?: tessera.v1.Envelope.$Properties): tessera.v1.Envelope;
            static encode(m: tessera.v1.Envelope.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.Envelope & tessera.v1.Envelope.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Envelope {
            interface $Properties {
                version?: (number|null);
                scheme?: (string|null);
                sessionId?: (Uint8Array|null);
                round?: (string|null);
                sender?: (Uint8Array|null);
                recipient?: (Uint8Array|null);
                sequence?: (number|null);
                payload?: (Uint8Array|null);
                encrypted?: (boolean|null);
                signature?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.Envelope.$Properties;
        }

        interface IPartyInfo extends tessera.v1.PartyInfo.$Properties {
        }

        class PartyInfo {
            constructor(p?: tessera.v1.PartyInfo.$Properties);
            $unknowns?: Uint8Array[];
            id: number;
            identityKey: Uint8Array;
            verifyingShare: Uint8Array;
            static create(properties: tessera.v1.PartyInfo.$Shape): tessera.v1.PartyInfo & tessera.v1.PartyInfo.$Shape;
            static create(properties?: tessera.v1.PartyInfo.$Properties): tessera.v1.PartyInfo;
            static encode(m: tessera.v1.PartyInfo.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.PartyInfo & tessera.v1.PartyInfo.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace PartyInfo {
            interface $Properties {
                id?: (number|null);
                identityKey?: (Uint8Array|null);
                verifyingShare?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.PartyInfo.$Properties;
        }

        interface IKeyShare extends tessera.v1.KeyShare.$Properties {
        }

        class KeyShare {
            constructor(p?: tessera.v1.KeyShare.$Properties);
            $unknowns?: Uint8Array[];
            version: number;
            scheme: string;
            keyId: string;
            partyId: number;
            threshold: number;
            parties: tessera.v1.PartyInfo.$Properties[];
            groupPublicKey: Uint8Array;
            vssCommitment: Uint8Array[];
            chainCode: Uint8Array;
            secretShare: Uint8Array;
            ecdsa?: (tessera.v1.EcdsaState.$Properties|null);
            generation: number;
            static create(properties: tessera.v1.KeyShare.$Shape): tessera.v1.KeyShare & tessera.v1.KeyShare.$Shape;
            static create(properties?: tessera.v1.KeyShare.$Properties): tessera.v1.KeyShare;
            static encode(m: tessera.v1.KeyShare.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.KeyShare & tessera.v1.KeyShare.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace KeyShare {
            interface $Properties {
                version?: (number|null);
                scheme?: (string|null);
                keyId?: (string|null);
                partyId?: (number|null);
                threshold?: (number|null);
                parties?: (tessera.v1.PartyInfo.$Properties[]|null);
                groupPublicKey?: (Uint8Array|null);
                vssCommitment?: (Uint8Array[]|null);
                chainCode?: (Uint8Array|null);
                secretShare?: (Uint8Array|null);
                ecdsa?: (tessera.v1.EcdsaState.$Properties|null);
                generation?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.KeyShare.$Properties;
        }

        interface IEcdsaPair extends tessera.v1.EcdsaPair.$Properties {
        }

        class EcdsaPair {
            constructor(p?: tessera.v1.EcdsaPair.$Properties);
            $unknowns?: Uint8Array[];
            party: number;
            fullSeeds: Uint8Array;
            puncturedSeeds: Uint8Array;
            deltas: Uint8Array;
            zetaSeed: Uint8Array;
            static create(properties: tessera.v1.EcdsaPair.$Shape): tessera.v1.EcdsaPair & tessera.v1.EcdsaPair.$Shape;
            static create(properties?: tessera.v1.EcdsaPair.$Properties): tessera.v1.EcdsaPair;
            static encode(m: tessera.v1.EcdsaPair.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.EcdsaPair & tessera.v1.EcdsaPair.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace EcdsaPair {
            interface $Properties {
                party?: (number|null);
                fullSeeds?: (Uint8Array|null);
                puncturedSeeds?: (Uint8Array|null);
                deltas?: (Uint8Array|null);
                zetaSeed?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.EcdsaPair.$Properties;
        }

        interface IEcdsaBan extends tessera.v1.EcdsaBan.$Properties {
        }

        class EcdsaBan {
            constructor(p?: tessera.v1.EcdsaBan.$Properties);
            $unknowns?: Uint8Array[];
            party: number;
            reason: string;
            static create(properties: tessera.v1.EcdsaBan.$Shape): tessera.v1.EcdsaBan & tessera.v1.EcdsaBan.$Shape;
            static create(properties?: tessera.v1.EcdsaBan.$Properties): tessera.v1.EcdsaBan;
            static encode(m: tessera.v1.EcdsaBan.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.EcdsaBan & tessera.v1.EcdsaBan.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace EcdsaBan {
            interface $Properties {
                party?: (number|null);
                reason?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.EcdsaBan.$Properties;
        }

        interface IEcdsaState extends tessera.v1.EcdsaState.$Properties {
        }

        class EcdsaState {
            constructor(p?: tessera.v1.EcdsaState.$Properties);
            $unknowns?: Uint8Array[];
            version: number;
            sessionId: Uint8Array;
            pairs: tessera.v1.EcdsaPair.$Properties[];
            bans: tessera.v1.EcdsaBan.$Properties[];
            static create(properties: tessera.v1.EcdsaState.$Shape): tessera.v1.EcdsaState & tessera.v1.EcdsaState.$Shape;
            static create(properties?: tessera.v1.EcdsaState.$Properties): tessera.v1.EcdsaState;
            static encode(m: tessera.v1.EcdsaState.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.EcdsaState & tessera.v1.EcdsaState.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace EcdsaState {
            interface $Properties {
                version?: (number|null);
                sessionId?: (Uint8Array|null);
                pairs?: (tessera.v1.EcdsaPair.$Properties[]|null);
                bans?: (tessera.v1.EcdsaBan.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.EcdsaState.$Properties;
        }

        interface IStoredPresignature extends tessera.v1.StoredPresignature.$Properties {
        }

        class StoredPresignature {
            constructor(p?: tessera.v1.StoredPresignature.$Properties);
            $unknowns?: Uint8Array[];
            version: number;
            id: Uint8Array;
            keyId: string;
            signers: number[];
            R: Uint8Array;
            publicKey: Uint8Array;
            phi: Uint8Array;
            rxv: Uint8Array;
            u: Uint8Array;
            static create(properties: tessera.v1.StoredPresignature.$Shape): tessera.v1.StoredPresignature & tessera.v1.StoredPresignature.$Shape;
            static create(properties?: tessera.v1.StoredPresignature.$Properties): tessera.v1.StoredPresignature;
            static encode(m: tessera.v1.StoredPresignature.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.StoredPresignature & tessera.v1.StoredPresignature.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace StoredPresignature {
            interface $Properties {
                version?: (number|null);
                id?: (Uint8Array|null);
                keyId?: (string|null);
                signers?: (number[]|null);
                R?: (Uint8Array|null);
                publicKey?: (Uint8Array|null);
                phi?: (Uint8Array|null);
                rxv?: (Uint8Array|null);
                u?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.StoredPresignature.$Properties;
        }

        interface IAuthResponse extends tessera.v1.AuthResponse.$Properties {
        }

        class AuthResponse {
            constructor(p?: tessera.v1.AuthResponse.$Properties);
            $unknowns?: Uint8Array[];
            identityKey: Uint8Array;
            signature: Uint8Array;
            replica: string;
            static create(properties: tessera.v1.AuthResponse.$Shape): tessera.v1.AuthResponse & tessera.v1.AuthResponse.$Shape;
            static create(properties?: tessera.v1.AuthResponse.$Properties): tessera.v1.AuthResponse;
            static encode(m: tessera.v1.AuthResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.AuthResponse & tessera.v1.AuthResponse.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace AuthResponse {
            interface $Properties {
                identityKey?: (Uint8Array|null);
                signature?: (Uint8Array|null);
                replica?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.AuthResponse.$Properties;
        }

        interface IRelayFrame extends tessera.v1.RelayFrame.$Properties {
        }

        class RelayFrame {
            constructor(p?: tessera.v1.RelayFrame.$Properties);
            $unknowns?: Uint8Array[];
            challenge?: (Uint8Array|null);
            auth?: (tessera.v1.AuthResponse.$Properties|null);
            ready?: (boolean|null);
            envelope?: (Uint8Array|null);
            error?: (string|null);
            absent?: (Uint8Array|null);
            kind?: ("challenge"|"auth"|"ready"|"envelope"|"error"|"absent");
            static create(properties: tessera.v1.RelayFrame.$Shape): tessera.v1.RelayFrame & tessera.v1.RelayFrame.$Shape;
            static create(properties?: tessera.v1.RelayFrame.$Properties): tessera.v1.RelayFrame;
            static encode(m: tessera.v1.RelayFrame.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.RelayFrame & tessera.v1.RelayFrame.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace RelayFrame {
            interface $Properties {
                challenge?: (Uint8Array|null);
                auth?: (tessera.v1.AuthResponse.$Properties|null);
                ready?: (boolean|null);
                envelope?: (Uint8Array|null);
                error?: (string|null);
                absent?: (Uint8Array|null);
                kind?: ("challenge"|"auth"|"ready"|"envelope"|"error"|"absent");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              challenge?: Uint8Array|null;
              auth?: tessera.v1.AuthResponse.$Shape|null;
              ready?: boolean|null;
              envelope?: Uint8Array|null;
              error?: string|null;
              absent?: Uint8Array|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ kind?: undefined; challenge?: null; auth?: null; ready?: null; envelope?: null; error?: null; absent?: null }|{ kind?: "challenge"; challenge: Uint8Array; auth?: null; ready?: null; envelope?: null; error?: null; absent?: null }|{ kind?: "auth"; challenge?: null; auth: tessera.v1.AuthResponse.$Shape; ready?: null; envelope?: null; error?: null; absent?: null }|{ kind?: "ready"; challenge?: null; auth?: null; ready: boolean; envelope?: null; error?: null; absent?: null }|{ kind?: "envelope"; challenge?: null; auth?: null; ready?: null; envelope: Uint8Array; error?: null; absent?: null }|{ kind?: "error"; challenge?: null; auth?: null; ready?: null; envelope?: null; error: string; absent?: null }|{ kind?: "absent"; challenge?: null; auth?: null; ready?: null; envelope?: null; error?: null; absent: Uint8Array })
            );
        }

        interface IDkgRound1 extends tessera.v1.DkgRound1.$Properties {
        }

        class DkgRound1 {
            constructor(p?: tessera.v1.DkgRound1.$Properties);
            $unknowns?: Uint8Array[];
            commitment: Uint8Array;
            chainCodeCommitment: Uint8Array;
            attestation: Uint8Array;
            static create(properties: tessera.v1.DkgRound1.$Shape): tessera.v1.DkgRound1 & tessera.v1.DkgRound1.$Shape;
            static create(properties?: tessera.v1.DkgRound1.$Properties): tessera.v1.DkgRound1;
            static encode(m: tessera.v1.DkgRound1.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.DkgRound1 & tessera.v1.DkgRound1.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace DkgRound1 {
            interface $Properties {
                commitment?: (Uint8Array|null);
                chainCodeCommitment?: (Uint8Array|null);
                attestation?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.DkgRound1.$Properties;
        }

        interface IDkgRound2 extends tessera.v1.DkgRound2.$Properties {
        }

        class DkgRound2 {
            constructor(p?: tessera.v1.DkgRound2.$Properties);
            $unknowns?: Uint8Array[];
            share: Uint8Array;
            echo: Uint8Array;
            chainCode: Uint8Array;
            vssCommitment: Uint8Array[];
            proof: Uint8Array;
            blind: Uint8Array;
            static create(properties: tessera.v1.DkgRound2.$Shape): tessera.v1.DkgRound2 & tessera.v1.DkgRound2.$Shape;
            static create(properties?: tessera.v1.DkgRound2.$Properties): tessera.v1.DkgRound2;
            static encode(m: tessera.v1.DkgRound2.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.DkgRound2 & tessera.v1.DkgRound2.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace DkgRound2 {
            interface $Properties {
                share?: (Uint8Array|null);
                echo?: (Uint8Array|null);
                chainCode?: (Uint8Array|null);
                vssCommitment?: (Uint8Array[]|null);
                proof?: (Uint8Array|null);
                blind?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.DkgRound2.$Properties;
        }

        interface IDkgRound3 extends tessera.v1.DkgRound3.$Properties {
        }

        class DkgRound3 {
            constructor(p?: tessera.v1.DkgRound3.$Properties);
            $unknowns?: Uint8Array[];
            confirmation: Uint8Array;
            static create(properties: tessera.v1.DkgRound3.$Shape): tessera.v1.DkgRound3 & tessera.v1.DkgRound3.$Shape;
            static create(properties?: tessera.v1.DkgRound3.$Properties): tessera.v1.DkgRound3;
            static encode(m: tessera.v1.DkgRound3.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.DkgRound3 & tessera.v1.DkgRound3.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace DkgRound3 {
            interface $Properties {
                confirmation?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.DkgRound3.$Properties;
        }

        interface IFrostRound1 extends tessera.v1.FrostRound1.$Properties {
        }

        class FrostRound1 {
            constructor(p?: tessera.v1.FrostRound1.$Properties);
            $unknowns?: Uint8Array[];
            identifier: number;
            hiding: Uint8Array;
            binding: Uint8Array;
            attestation: Uint8Array;
            static create(properties: tessera.v1.FrostRound1.$Shape): tessera.v1.FrostRound1 & tessera.v1.FrostRound1.$Shape;
            static create(properties?: tessera.v1.FrostRound1.$Properties): tessera.v1.FrostRound1;
            static encode(m: tessera.v1.FrostRound1.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.FrostRound1 & tessera.v1.FrostRound1.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace FrostRound1 {
            interface $Properties {
                identifier?: (number|null);
                hiding?: (Uint8Array|null);
                binding?: (Uint8Array|null);
                attestation?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.FrostRound1.$Properties;
        }

        interface IFrostRound2 extends tessera.v1.FrostRound2.$Properties {
        }

        class FrostRound2 {
            constructor(p?: tessera.v1.FrostRound2.$Properties);
            $unknowns?: Uint8Array[];
            share: Uint8Array;
            echo: Uint8Array;
            static create(properties: tessera.v1.FrostRound2.$Shape): tessera.v1.FrostRound2 & tessera.v1.FrostRound2.$Shape;
            static create(properties?: tessera.v1.FrostRound2.$Properties): tessera.v1.FrostRound2;
            static encode(m: tessera.v1.FrostRound2.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.FrostRound2 & tessera.v1.FrostRound2.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace FrostRound2 {
            interface $Properties {
                share?: (Uint8Array|null);
                echo?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.FrostRound2.$Properties;
        }

        interface IAbortNotice extends tessera.v1.AbortNotice.$Properties {
        }

        class AbortNotice {
            constructor(p?: tessera.v1.AbortNotice.$Properties);
            $unknowns?: Uint8Array[];
            code: string;
            culprits: number[];
            static create(properties: tessera.v1.AbortNotice.$Shape): tessera.v1.AbortNotice & tessera.v1.AbortNotice.$Shape;
            static create(properties?: tessera.v1.AbortNotice.$Properties): tessera.v1.AbortNotice;
            static encode(m: tessera.v1.AbortNotice.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.AbortNotice & tessera.v1.AbortNotice.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace AbortNotice {
            interface $Properties {
                code?: (string|null);
                culprits?: (number[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.AbortNotice.$Properties;
        }

        interface IEcdsaSetupRound1 extends tessera.v1.EcdsaSetupRound1.$Properties {
        }

        class EcdsaSetupRound1 {
            constructor(p?: tessera.v1.EcdsaSetupRound1.$Properties);
            $unknowns?: Uint8Array[];
            baseOt: Uint8Array;
            zeta: Uint8Array;
            static create(properties: tessera.v1.EcdsaSetupRound1.$Shape): tessera.v1.EcdsaSetupRound1 & tessera.v1.EcdsaSetupRound1.$Shape;
            static create(properties?: tessera.v1.EcdsaSetupRound1.$Properties): tessera.v1.EcdsaSetupRound1;
            static encode(m: tessera.v1.EcdsaSetupRound1.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.EcdsaSetupRound1 & tessera.v1.EcdsaSetupRound1.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace EcdsaSetupRound1 {
            interface $Properties {
                baseOt?: (Uint8Array|null);
                zeta?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.EcdsaSetupRound1.$Properties;
        }

        interface IEcdsaSetupRound2 extends tessera.v1.EcdsaSetupRound2.$Properties {
        }

        class EcdsaSetupRound2 {
            constructor(p?: tessera.v1.EcdsaSetupRound2.$Properties);
            $unknowns?: Uint8Array[];
            baseOt: Uint8Array;
            pprf: Uint8Array;
            static create(properties: tessera.v1.EcdsaSetupRound2.$Shape): tessera.v1.EcdsaSetupRound2 & tessera.v1.EcdsaSetupRound2.$Shape;
            static create(properties?: tessera.v1.EcdsaSetupRound2.$Properties): tessera.v1.EcdsaSetupRound2;
            static encode(m: tessera.v1.EcdsaSetupRound2.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.EcdsaSetupRound2 & tessera.v1.EcdsaSetupRound2.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace EcdsaSetupRound2 {
            interface $Properties {
                baseOt?: (Uint8Array|null);
                pprf?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.EcdsaSetupRound2.$Properties;
        }

        interface IEcdsaConfirm extends tessera.v1.EcdsaConfirm.$Properties {
        }

        class EcdsaConfirm {
            constructor(p?: tessera.v1.EcdsaConfirm.$Properties);
            $unknowns?: Uint8Array[];
            confirmation: Uint8Array;
            static create(properties: tessera.v1.EcdsaConfirm.$Shape): tessera.v1.EcdsaConfirm & tessera.v1.EcdsaConfirm.$Shape;
            static create(properties?: tessera.v1.EcdsaConfirm.$Properties): tessera.v1.EcdsaConfirm;
            static encode(m: tessera.v1.EcdsaConfirm.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.EcdsaConfirm & tessera.v1.EcdsaConfirm.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace EcdsaConfirm {
            interface $Properties {
                confirmation?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.EcdsaConfirm.$Properties;
        }

        interface IEcdsaRound1 extends tessera.v1.EcdsaRound1.$Properties {
        }

        class EcdsaRound1 {
            constructor(p?: tessera.v1.EcdsaRound1.$Properties);
            $unknowns?: Uint8Array[];
            sid: Uint8Array;
            commitment: Uint8Array;
            context: Uint8Array;
            attestation: Uint8Array;
            static create(properties: tessera.v1.EcdsaRound1.$Shape): tessera.v1.EcdsaRound1 & tessera.v1.EcdsaRound1.$Shape;
            static create(properties?: tessera.v1.EcdsaRound1.$Properties): tessera.v1.EcdsaRound1;
            static encode(m: tessera.v1.EcdsaRound1.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.EcdsaRound1 & tessera.v1.EcdsaRound1.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace EcdsaRound1 {
            interface $Properties {
                sid?: (Uint8Array|null);
                commitment?: (Uint8Array|null);
                context?: (Uint8Array|null);
                attestation?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.EcdsaRound1.$Properties;
        }

        interface IEcdsaRound2 extends tessera.v1.EcdsaRound2.$Properties {
        }

        class EcdsaRound2 {
            constructor(p?: tessera.v1.EcdsaRound2.$Properties);
            $unknowns?: Uint8Array[];
            echo: Uint8Array;
            rvole: Uint8Array;
            static create(properties: tessera.v1.EcdsaRound2.$Shape): tessera.v1.EcdsaRound2 & tessera.v1.EcdsaRound2.$Shape;
            static create(properties?: tessera.v1.EcdsaRound2.$Properties): tessera.v1.EcdsaRound2;
            static encode(m: tessera.v1.EcdsaRound2.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.EcdsaRound2 & tessera.v1.EcdsaRound2.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace EcdsaRound2 {
            interface $Properties {
                echo?: (Uint8Array|null);
                rvole?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.EcdsaRound2.$Properties;
        }

        interface IEcdsaRound3 extends tessera.v1.EcdsaRound3.$Properties {
        }

        class EcdsaRound3 {
            constructor(p?: tessera.v1.EcdsaRound3.$Properties);
            $unknowns?: Uint8Array[];
            rvole: Uint8Array;
            pk: Uint8Array;
            R: Uint8Array;
            blind: Uint8Array;
            gammaU: Uint8Array;
            gammaV: Uint8Array;
            psi: Uint8Array;
            static create(properties: tessera.v1.EcdsaRound3.$Shape): tessera.v1.EcdsaRound3 & tessera.v1.EcdsaRound3.$Shape;
            static create(properties?: tessera.v1.EcdsaRound3.$Properties): tessera.v1.EcdsaRound3;
            static encode(m: tessera.v1.EcdsaRound3.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.EcdsaRound3 & tessera.v1.EcdsaRound3.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace EcdsaRound3 {
            interface $Properties {
                rvole?: (Uint8Array|null);
                pk?: (Uint8Array|null);
                R?: (Uint8Array|null);
                blind?: (Uint8Array|null);
                gammaU?: (Uint8Array|null);
                gammaV?: (Uint8Array|null);
                psi?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.EcdsaRound3.$Properties;
        }

        interface IEcdsaRound4 extends tessera.v1.EcdsaRound4.$Properties {
        }

        class EcdsaRound4 {
            constructor(p?: tessera.v1.EcdsaRound4.$Properties);
            $unknowns?: Uint8Array[];
            presignature: Uint8Array;
            digest: Uint8Array;
            w: Uint8Array;
            u: Uint8Array;
            static create(properties: tessera.v1.EcdsaRound4.$Shape): tessera.v1.EcdsaRound4 & tessera.v1.EcdsaRound4.$Shape;
            static create(properties?: tessera.v1.EcdsaRound4.$Properties): tessera.v1.EcdsaRound4;
            static encode(m: tessera.v1.EcdsaRound4.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.EcdsaRound4 & tessera.v1.EcdsaRound4.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace EcdsaRound4 {
            interface $Properties {
                presignature?: (Uint8Array|null);
                digest?: (Uint8Array|null);
                w?: (Uint8Array|null);
                u?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.EcdsaRound4.$Properties;
        }

        interface IEcdsaConsumed extends tessera.v1.EcdsaConsumed.$Properties {
        }

        class EcdsaConsumed {
            constructor(p?: tessera.v1.EcdsaConsumed.$Properties);
            $unknowns?: Uint8Array[];
            presignature: Uint8Array;
            digest: Uint8Array;
            attestation: Uint8Array;
            static create(properties: tessera.v1.EcdsaConsumed.$Shape): tessera.v1.EcdsaConsumed & tessera.v1.EcdsaConsumed.$Shape;
            static create(properties?: tessera.v1.EcdsaConsumed.$Properties): tessera.v1.EcdsaConsumed;
            static encode(m: tessera.v1.EcdsaConsumed.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.EcdsaConsumed & tessera.v1.EcdsaConsumed.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace EcdsaConsumed {
            interface $Properties {
                presignature?: (Uint8Array|null);
                digest?: (Uint8Array|null);
                attestation?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.EcdsaConsumed.$Properties;
        }

        interface IPublicPackage extends tessera.v1.PublicPackage.$Properties {
        }

        class PublicPackage {
            constructor(p?: tessera.v1.PublicPackage.$Properties);
            $unknowns?: Uint8Array[];
            scheme: string;
            threshold: number;
            parties: number[];
            groupPublicKey: Uint8Array;
            verifyingShares: Uint8Array[];
            vssCommitment: Uint8Array[];
            chainCode: Uint8Array;
            static create(properties: tessera.v1.PublicPackage.$Shape): tessera.v1.PublicPackage & tessera.v1.PublicPackage.$Shape;
            static create(properties?: tessera.v1.PublicPackage.$Properties): tessera.v1.PublicPackage;
            static encode(m: tessera.v1.PublicPackage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.PublicPackage & tessera.v1.PublicPackage.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace PublicPackage {
            interface $Properties {
                scheme?: (string|null);
                threshold?: (number|null);
                parties?: (number[]|null);
                groupPublicKey?: (Uint8Array|null);
                verifyingShares?: (Uint8Array[]|null);
                vssCommitment?: (Uint8Array[]|null);
                chainCode?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.PublicPackage.$Properties;
        }

        interface IRefreshRound1 extends tessera.v1.RefreshRound1.$Properties {
        }

        class RefreshRound1 {
            constructor(p?: tessera.v1.RefreshRound1.$Properties);
            $unknowns?: Uint8Array[];
            vssCommitment: Uint8Array[];
            attestation: Uint8Array;
            static create(properties: tessera.v1.RefreshRound1.$Shape): tessera.v1.RefreshRound1 & tessera.v1.RefreshRound1.$Shape;
            static create(properties?: tessera.v1.RefreshRound1.$Properties): tessera.v1.RefreshRound1;
            static encode(m: tessera.v1.RefreshRound1.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.RefreshRound1 & tessera.v1.RefreshRound1.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace RefreshRound1 {
            interface $Properties {
                vssCommitment?: (Uint8Array[]|null);
                attestation?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.RefreshRound1.$Properties;
        }

        interface IRefreshRound2 extends tessera.v1.RefreshRound2.$Properties {
        }

        class RefreshRound2 {
            constructor(p?: tessera.v1.RefreshRound2.$Properties);
            $unknowns?: Uint8Array[];
            share: Uint8Array;
            echo: Uint8Array;
            static create(properties: tessera.v1.RefreshRound2.$Shape): tessera.v1.RefreshRound2 & tessera.v1.RefreshRound2.$Shape;
            static create(properties?: tessera.v1.RefreshRound2.$Properties): tessera.v1.RefreshRound2;
            static encode(m: tessera.v1.RefreshRound2.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.RefreshRound2 & tessera.v1.RefreshRound2.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace RefreshRound2 {
            interface $Properties {
                share?: (Uint8Array|null);
                echo?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.RefreshRound2.$Properties;
        }

        interface IReshareRound1 extends tessera.v1.ReshareRound1.$Properties {
        }

        class ReshareRound1 {
            constructor(p?: tessera.v1.ReshareRound1.$Properties);
            $unknowns?: Uint8Array[];
            oldPoint: number;
            oldPackage: Uint8Array;
            vssCommitment: Uint8Array[];
            chainCode: Uint8Array;
            attestation: Uint8Array;
            static create(properties: tessera.v1.ReshareRound1.$Shape): tessera.v1.ReshareRound1 & tessera.v1.ReshareRound1.$Shape;
            static create(properties?: tessera.v1.ReshareRound1.$Properties): tessera.v1.ReshareRound1;
            static encode(m: tessera.v1.ReshareRound1.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.ReshareRound1 & tessera.v1.ReshareRound1.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace ReshareRound1 {
            interface $Properties {
                oldPoint?: (number|null);
                oldPackage?: (Uint8Array|null);
                vssCommitment?: (Uint8Array[]|null);
                chainCode?: (Uint8Array|null);
                attestation?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.ReshareRound1.$Properties;
        }

        interface IReshareRound2 extends tessera.v1.ReshareRound2.$Properties {
        }

        class ReshareRound2 {
            constructor(p?: tessera.v1.ReshareRound2.$Properties);
            $unknowns?: Uint8Array[];
            echo: Uint8Array;
            share: Uint8Array;
            oldPackage?: (tessera.v1.PublicPackage.$Properties|null);
            static create(properties: tessera.v1.ReshareRound2.$Shape): tessera.v1.ReshareRound2 & tessera.v1.ReshareRound2.$Shape;
            static create(properties?: tessera.v1.ReshareRound2.$Properties): tessera.v1.ReshareRound2;
            static encode(m: tessera.v1.ReshareRound2.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.ReshareRound2 & tessera.v1.ReshareRound2.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace ReshareRound2 {
            interface $Properties {
                echo?: (Uint8Array|null);
                share?: (Uint8Array|null);
                oldPackage?: (tessera.v1.PublicPackage.$Properties|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.ReshareRound2.$Properties;
        }

        interface IRepairRound1 extends tessera.v1.RepairRound1.$Properties {
        }

        class RepairRound1 {
            constructor(p?: tessera.v1.RepairRound1.$Properties);
            $unknowns?: Uint8Array[];
            deltas: Uint8Array[];
            package: Uint8Array;
            attestation: Uint8Array;
            static create(properties: tessera.v1.RepairRound1.$Shape): tessera.v1.RepairRound1 & tessera.v1.RepairRound1.$Shape;
            static create(properties?: tessera.v1.RepairRound1.$Properties): tessera.v1.RepairRound1;
            static encode(m: tessera.v1.RepairRound1.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.RepairRound1 & tessera.v1.RepairRound1.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace RepairRound1 {
            interface $Properties {
                deltas?: (Uint8Array[]|null);
                "package"?: (Uint8Array|null);
                attestation?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.RepairRound1.$Properties;
        }

        interface IRepairRound2 extends tessera.v1.RepairRound2.$Properties {
        }

        class RepairRound2 {
            constructor(p?: tessera.v1.RepairRound2.$Properties);
            $unknowns?: Uint8Array[];
            delta: Uint8Array;
            echo: Uint8Array;
            static create(properties: tessera.v1.RepairRound2.$Shape): tessera.v1.RepairRound2 & tessera.v1.RepairRound2.$Shape;
            static create(properties?: tessera.v1.RepairRound2.$Properties): tessera.v1.RepairRound2;
            static encode(m: tessera.v1.RepairRound2.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.RepairRound2 & tessera.v1.RepairRound2.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace RepairRound2 {
            interface $Properties {
                delta?: (Uint8Array|null);
                echo?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.RepairRound2.$Properties;
        }

        interface IRepairRound3 extends tessera.v1.RepairRound3.$Properties {
        }

        class RepairRound3 {
            constructor(p?: tessera.v1.RepairRound3.$Properties);
            $unknowns?: Uint8Array[];
            sigma: Uint8Array;
            package?: (tessera.v1.PublicPackage.$Properties|null);
            echo: Uint8Array;
            static create(properties: tessera.v1.RepairRound3.$Shape): tessera.v1.RepairRound3 & tessera.v1.RepairRound3.$Shape;
            static create(properties?: tessera.v1.RepairRound3.$Properties): tessera.v1.RepairRound3;
            static encode(m: tessera.v1.RepairRound3.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.RepairRound3 & tessera.v1.RepairRound3.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace RepairRound3 {
            interface $Properties {
                sigma?: (Uint8Array|null);
                "package"?: (tessera.v1.PublicPackage.$Properties|null);
                echo?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.RepairRound3.$Properties;
        }

        interface IEcdsaRepairSession extends tessera.v1.EcdsaRepairSession.$Properties {
        }

        class EcdsaRepairSession {
            constructor(p?: tessera.v1.EcdsaRepairSession.$Properties);
            $unknowns?: Uint8Array[];
            sessionId: Uint8Array;
            static create(properties: tessera.v1.EcdsaRepairSession.$Shape): tessera.v1.EcdsaRepairSession & tessera.v1.EcdsaRepairSession.$Shape;
            static create(properties?: tessera.v1.EcdsaRepairSession.$Properties): tessera.v1.EcdsaRepairSession;
            static encode(m: tessera.v1.EcdsaRepairSession.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.EcdsaRepairSession & tessera.v1.EcdsaRepairSession.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace EcdsaRepairSession {
            interface $Properties {
                sessionId?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.EcdsaRepairSession.$Properties;
        }

        interface IRoundBatch extends tessera.v1.RoundBatch.$Properties {
        }

        class RoundBatch {
            constructor(p?: tessera.v1.RoundBatch.$Properties);
            $unknowns?: Uint8Array[];
            items: Uint8Array[];
            static create(properties: tessera.v1.RoundBatch.$Shape): tessera.v1.RoundBatch & tessera.v1.RoundBatch.$Shape;
            static create(properties?: tessera.v1.RoundBatch.$Properties): tessera.v1.RoundBatch;
            static encode(m: tessera.v1.RoundBatch.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.RoundBatch & tessera.v1.RoundBatch.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace RoundBatch {
            interface $Properties {
                items?: (Uint8Array[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.RoundBatch.$Properties;
        }

        enum SessionKind {
            SESSION_KIND_UNSPECIFIED = 0,
            SESSION_KIND_KEYGEN = 1,
            SESSION_KIND_SIGN = 2,
            SESSION_KIND_PRESIGN = 3,
            SESSION_KIND_REFRESH = 4,
            SESSION_KIND_RESHARE = 5,
            SESSION_KIND_REPAIR = 6,
            SESSION_KIND_ACTIVATE = 7,
            SESSION_KIND_COMMIT = 8,
            SESSION_KIND_DRILL = 9
        }

        enum HashAlgorithm {
            HASH_ALGORITHM_UNSPECIFIED = 0,
            HASH_ALGORITHM_NONE = 1,
            HASH_ALGORITHM_SHA256 = 2,
            HASH_ALGORITHM_SHA256D = 3,
            HASH_ALGORITHM_KECCAK256 = 4
        }

        interface IMessageToSign extends tessera.v1.MessageToSign.$Properties {
        }

        class MessageToSign {
            constructor(p?: tessera.v1.MessageToSign.$Properties);
            $unknowns?: Uint8Array[];
            hash: tessera.v1.HashAlgorithm;
            preimage: Uint8Array;
            prehashed: boolean;
            static create(properties: tessera.v1.MessageToSign.$Shape): tessera.v1.MessageToSign & tessera.v1.MessageToSign.$Shape;
            static create(properties?: tessera.v1.MessageToSign.$Properties): tessera.v1.MessageToSign;
            static encode(m: tessera.v1.MessageToSign.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.MessageToSign & tessera.v1.MessageToSign.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace MessageToSign {
            interface $Properties {
                hash?: (tessera.v1.HashAlgorithm|null);
                preimage?: (Uint8Array|null);
                prehashed?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.MessageToSign.$Properties;
        }

        interface ISessionProposal extends tessera.v1.SessionProposal.$Properties {
        }

        class SessionProposal {
            constructor(p?: tessera.v1.SessionProposal.$Properties);
            $unknowns?: Uint8Array[];
            kind: tessera.v1.SessionKind;
            scheme: string;
            keyId: string;
            threshold: number;
            parties: Uint8Array[];
            message?: (tessera.v1.MessageToSign.$Properties|null);
            derivationPath: number[];
            roundTimeoutMs: number;
            notAfterMs: number;
            taprootOutput: boolean;
            taprootMerkleRoot: Uint8Array;
            transaction?: (tessera.v1.Transaction.$Properties|null);
            presignature: string;
            generation: number;
            members: tessera.v1.LifecycleMember.$Properties[];
            repairTarget: Uint8Array;
            lifecycleCheck: boolean;
            lifecycleSession: Uint8Array;
            certificate: Uint8Array[];
            checkSignature: Uint8Array;
            items: tessera.v1.SignItem.$Properties[];
            commitments: tessera.v1.SignerCommitments.$Properties[];
            commitCount: number;
            approvalWaitMs: number;
            static create(properties: tessera.v1.SessionProposal.$Shape): tessera.v1.SessionProposal & tessera.v1.SessionProposal.$Shape;
            static create(properties?: tessera.v1.SessionProposal.$Properties): tessera.v1.SessionProposal;
            static encode(m: tessera.v1.SessionProposal.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.SessionProposal & tessera.v1.SessionProposal.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace SessionProposal {
            interface $Properties {
                kind?: (tessera.v1.SessionKind|null);
                scheme?: (string|null);
                keyId?: (string|null);
                threshold?: (number|null);
                parties?: (Uint8Array[]|null);
                message?: (tessera.v1.MessageToSign.$Properties|null);
                derivationPath?: (number[]|null);
                roundTimeoutMs?: (number|null);
                notAfterMs?: (number|null);
                taprootOutput?: (boolean|null);
                taprootMerkleRoot?: (Uint8Array|null);
                transaction?: (tessera.v1.Transaction.$Properties|null);
                presignature?: (string|null);
                generation?: (number|null);
                members?: (tessera.v1.LifecycleMember.$Properties[]|null);
                repairTarget?: (Uint8Array|null);
                lifecycleCheck?: (boolean|null);
                lifecycleSession?: (Uint8Array|null);
                certificate?: (Uint8Array[]|null);
                checkSignature?: (Uint8Array|null);
                items?: (tessera.v1.SignItem.$Properties[]|null);
                commitments?: (tessera.v1.SignerCommitments.$Properties[]|null);
                commitCount?: (number|null);
                approvalWaitMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.SessionProposal.$Properties;
        }

        interface ISignItem extends tessera.v1.SignItem.$Properties {
        }

        class SignItem {
            constructor(p?: tessera.v1.SignItem.$Properties);
            $unknowns?: Uint8Array[];
            message?: (tessera.v1.MessageToSign.$Properties|null);
            derivationPath: number[];
            inputIndex: number;
            static create(properties: tessera.v1.SignItem.$Shape): tessera.v1.SignItem & tessera.v1.SignItem.$Shape;
            static create(properties?: tessera.v1.SignItem.$Properties): tessera.v1.SignItem;
            static encode(m: tessera.v1.SignItem.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.SignItem & tessera.v1.SignItem.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace SignItem {
            interface $Properties {
                message?: (tessera.v1.MessageToSign.$Properties|null);
                derivationPath?: (number[]|null);
                inputIndex?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.SignItem.$Properties;
        }

        interface ICommitment extends tessera.v1.Commitment.$Properties {
        }

        class Commitment {
            constructor(p?: tessera.v1.Commitment.$Properties);
            $unknowns?: Uint8Array[];
            hiding: Uint8Array;
            binding: Uint8Array;
            static create(properties: tessera.v1.Commitment.$Shape): tessera.v1.Commitment & tessera.v1.Commitment.$Shape;
            static create(properties?: tessera.v1.Commitment.$Properties): tessera.v1.Commitment;
            static encode(m: tessera.v1.Commitment.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.Commitment & tessera.v1.Commitment.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Commitment {
            interface $Properties {
                hiding?: (Uint8Array|null);
                binding?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.Commitment.$Properties;
        }

        interface ISignerCommitments extends tessera.v1.SignerCommitments.$Properties {
        }

        class SignerCommitments {
            constructor(p?: tessera.v1.SignerCommitments.$Properties);
            $unknowns?: Uint8Array[];
            identityKey: Uint8Array;
            commitments: tessera.v1.Commitment.$Properties[];
            static create(properties: tessera.v1.SignerCommitments.$Shape): tessera.v1.SignerCommitments & tessera.v1.SignerCommitments.$Shape;
            static create(properties?: tessera.v1.SignerCommitments.$Properties): tessera.v1.SignerCommitments;
            static encode(m: tessera.v1.SignerCommitments.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.SignerCommitments & tessera.v1.SignerCommitments.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace SignerCommitments {
            interface $Properties {
                identityKey?: (Uint8Array|null);
                commitments?: (tessera.v1.Commitment.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.SignerCommitments.$Properties;
        }

        interface ILifecycleMember extends tessera.v1.LifecycleMember.$Properties {
        }

        class LifecycleMember {
            constructor(p?: tessera.v1.LifecycleMember.$Properties);
            $unknowns?: Uint8Array[];
            identityKey: Uint8Array;
            oldPoint: number;
            newPoint: number;
            dealer: boolean;
            static create(properties: tessera.v1.LifecycleMember.$Shape): tessera.v1.LifecycleMember & tessera.v1.LifecycleMember.$Shape;
            static create(properties?: tessera.v1.LifecycleMember.$Properties): tessera.v1.LifecycleMember;
            static encode(m: tessera.v1.LifecycleMember.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.LifecycleMember & tessera.v1.LifecycleMember.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace LifecycleMember {
            interface $Properties {
                identityKey?: (Uint8Array|null);
                oldPoint?: (number|null);
                newPoint?: (number|null);
                dealer?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.LifecycleMember.$Properties;
        }

        enum TransactionKind {
            TRANSACTION_KIND_UNSPECIFIED = 0,
            TRANSACTION_KIND_PSBT = 1,
            TRANSACTION_KIND_ETHEREUM = 2,
            TRANSACTION_KIND_SOLANA = 3
        }

        interface ITransaction extends tessera.v1.Transaction.$Properties {
        }

        class Transaction {
            constructor(p?: tessera.v1.Transaction.$Properties);
            $unknowns?: Uint8Array[];
            kind: tessera.v1.TransactionKind;
            data: Uint8Array;
            inputIndex: number;
            network: string;
            static create(properties: tessera.v1.Transaction.$Shape): tessera.v1.Transaction & tessera.v1.Transaction.$Shape;
            static create(properties?: tessera.v1.Transaction.$Properties): tessera.v1.Transaction;
            static encode(m: tessera.v1.Transaction.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.Transaction & tessera.v1.Transaction.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Transaction {
            interface $Properties {
                kind?: (tessera.v1.TransactionKind|null);
                data?: (Uint8Array|null);
                inputIndex?: (number|null);
                network?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.Transaction.$Properties;
        }

        interface ISessionHello extends tessera.v1.SessionHello.$Properties {
        }

        class SessionHello {
            constructor(p?: tessera.v1.SessionHello.$Properties);
            $unknowns?: Uint8Array[];
            x25519PublicKey: Uint8Array;
            context: Uint8Array;
            static create(properties: tessera.v1.SessionHello.$Shape): tessera.v1.SessionHello & tessera.v1.SessionHello.$Shape;
            static create(properties?: tessera.v1.SessionHello.$Properties): tessera.v1.SessionHello;
            static encode(m: tessera.v1.SessionHello.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.SessionHello & tessera.v1.SessionHello.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace SessionHello {
            interface $Properties {
                x25519PublicKey?: (Uint8Array|null);
                context?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.SessionHello.$Properties;
        }

        interface IAbort extends tessera.v1.Abort.$Properties {
        }

        class Abort {
            constructor(p?: tessera.v1.Abort.$Properties);
            $unknowns?: Uint8Array[];
            code: string;
            culprits: Uint8Array[];
            reason: string;
            static create(properties: tessera.v1.Abort.$Shape): tessera.v1.Abort & tessera.v1.Abort.$Shape;
            static create(properties?: tessera.v1.Abort.$Properties): tessera.v1.Abort;
            static encode(m: tessera.v1.Abort.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.Abort & tessera.v1.Abort.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace Abort {
            interface $Properties {
                code?: (string|null);
                culprits?: (Uint8Array[]|null);
                reason?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.Abort.$Properties;
        }

        interface ISessionResult extends tessera.v1.SessionResult.$Properties {
        }

        class SessionResult {
            constructor(p?: tessera.v1.SessionResult.$Properties);
            $unknowns?: Uint8Array[];
            keyId: string;
            publicKey: Uint8Array;
            signature: Uint8Array;
            recovery: number;
            chainCode: Uint8Array;
            groupPublicKey: Uint8Array;
            presignature: string;
            generation: number;
            transcript: Uint8Array;
            transcriptSignature: Uint8Array;
            signatures: Uint8Array[];
            recoveries: number[];
            publicKeys: Uint8Array[];
            shares: Uint8Array[];
            commitments: tessera.v1.Commitment.$Properties[];
            vssCommitment: Uint8Array[];
            static create(properties: tessera.v1.SessionResult.$Shape): tessera.v1.SessionResult & tessera.v1.SessionResult.$Shape;
            static create(properties?: tessera.v1.SessionResult.$Properties): tessera.v1.SessionResult;
            static encode(m: tessera.v1.SessionResult.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): tessera.v1.SessionResult & tessera.v1.SessionResult.$Shape;
            static getTypeUrl(prefix?: string): string;
        }

        namespace SessionResult {
            interface $Properties {
                keyId?: (string|null);
                publicKey?: (Uint8Array|null);
                signature?: (Uint8Array|null);
                recovery?: (number|null);
                chainCode?: (Uint8Array|null);
                groupPublicKey?: (Uint8Array|null);
                presignature?: (string|null);
                generation?: (number|null);
                transcript?: (Uint8Array|null);
                transcriptSignature?: (Uint8Array|null);
                signatures?: (Uint8Array[]|null);
                recoveries?: (number[]|null);
                publicKeys?: (Uint8Array[]|null);
                shares?: (Uint8Array[]|null);
                commitments?: (tessera.v1.Commitment.$Properties[]|null);
                vssCommitment?: (Uint8Array[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tessera.v1.SessionResult.$Properties;
        }
    }
}
