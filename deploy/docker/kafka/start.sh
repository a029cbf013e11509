#!/bin/bash
# The compose broker, laid out as the local run's (launcher/KafkaPrincipals): every Huoshui service
# is a SCRAM principal of its own on the INTERNAL listener, confined by ACLs to the topics its
# application.yml declares (huoshui.events); banks come in on the BANKS listener as the principals
# identity-service creates for them. The PLAINTEXT listener is bound to the container's loopback
# and is the only one whose (anonymous) user is the super user: this script provisions over it.
set -euo pipefail

BIN=/opt/kafka/bin
ADMIN=127.0.0.1:9092
READY=/tmp/huoshui-kafka-provisioned
rm -f "$READY"

/etc/kafka/docker/run &
BROKER=$!
trap 'kill -TERM "$BROKER"; wait "$BROKER"' TERM INT

until "$BIN/kafka-broker-api-versions.sh" --bootstrap-server "$ADMIN" >/dev/null 2>&1; do
  kill -0 "$BROKER" 2>/dev/null || { echo "broker exited before it was ready" >&2; exit 1; }
  sleep 2
done

scram() { # service, password
  if [ -z "$2" ]; then
    echo "no Kafka password for $1: set it in .env (README, Docker)" >&2
    exit 1
  fi
  "$BIN/kafka-configs.sh" --bootstrap-server "$ADMIN" --alter --entity-type users \
    --entity-name "$1" --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]" >/dev/null
}

acl() { # principal, then kafka-acls.sh arguments
  local principal=$1
  shift
  "$BIN/kafka-acls.sh" --bootstrap-server "$ADMIN" --add --force \
    --allow-principal "User:$principal" "$@" >/dev/null
}

topics() { # option name, topics...
  local option=$1
  shift
  for topic in "$@"; do printf -- '%s %s ' "$option" "$topic"; done
}

# A service: what it produces and what it consumes, as its huoshui.events says.
service() { # name, password, "produced topics", "consumed topics"
  local name=$1 password=$2 produces=$3 consumes=$4
  scram "$name" "$password"
  acl "$name" --cluster --operation Describe
  local dead_letters=()
  for topic in $produces $consumes; do dead_letters+=("$topic.dlt"); done
  if [ -n "$produces" ]; then
    # shellcheck disable=SC2046
    acl "$name" $(topics --topic $produces) --operation Write --operation Describe --operation Create
  fi
  if [ -n "$consumes" ]; then
    # shellcheck disable=SC2046
    acl "$name" $(topics --topic $consumes) --operation Read --operation Describe
  fi
  if [ ${#dead_letters[@]} -gt 0 ]; then
    # shellcheck disable=SC2046
    acl "$name" $(topics --topic "${dead_letters[@]}") --operation Write --operation Describe --operation Create
  fi
  acl "$name" --group "$name" --resource-pattern-type prefixed --operation Read --operation Describe
}

service project-service "${HUOSHUI_KAFKA_PASSWORD_PROJECT_SERVICE:-}" \
  "huoshui.projects" "huoshui.matches huoshui.bank-responses"
service credit-service "${HUOSHUI_KAFKA_PASSWORD_CREDIT_SERVICE:-}" \
  "huoshui.products huoshui.bank-responses huoshui.catalog" "huoshui.matches huoshui.projects"
service matching-service "${HUOSHUI_KAFKA_PASSWORD_MATCHING_SERVICE:-}" \
  "huoshui.matches" "huoshui.projects huoshui.products huoshui.bank-responses"
service notification-service "${HUOSHUI_KAFKA_PASSWORD_NOTIFICATION_SERVICE:-}" \
  "" "huoshui.projects huoshui.matches huoshui.bank-responses huoshui.catalog"
service identity-service "${HUOSHUI_KAFKA_PASSWORD_IDENTITY_SERVICE:-}" "" ""

# credit writes each bank's own topic, in the transaction that stores the match (a bank never reads
# a match the answer API does not know); identity creates them and grants the banks their access,
# a cluster-level change (SCRAM credentials, ACLs).
acl credit-service --topic huoshui.bank. --resource-pattern-type prefixed \
  --operation Write --operation Describe
acl identity-service --topic huoshui.bank. --resource-pattern-type prefixed \
  --operation Create --operation Describe
acl identity-service --cluster --operation Alter

# The working-day calendar: identity publishes each year (a compacted topic it declares), and every
# service reads the whole topic at each start, in a group of its own named after the service.
acl identity-service --topic huoshui.calendar --operation Write --operation Describe --operation Create
for reader in project-service credit-service matching-service notification-service identity-service; do
  acl "$reader" --topic huoshui.calendar --operation Read --operation Describe
done

touch "$READY"
echo "Kafka principals and ACLs of the Huoshui services in place"
wait "$BROKER"
