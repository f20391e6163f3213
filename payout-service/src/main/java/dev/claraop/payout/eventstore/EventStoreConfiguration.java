package dev.claraop.payout.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.claraop.platform.web.TraceParent;
import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Axon on MongoDB without Axon Server. The axon-mongo Spring Boot starter stops at 4.10, so the event
 * store, token store and saga store are wired here (REFERENCES.md, "Stack facts").
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

  @Bean
  MongoTemplate axonMongoTemplate(MongoDatabaseFactory databases) {
    return DefaultMongoTemplate.builder().mongoDatabase(databases.getMongoDatabase()).build();
  }

  /** Jackson 2, which Axon's serializer is written against; events are records, stored as JSON. */
  private static Serializer jackson() {
    ObjectMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    return JacksonSerializer.builder().objectMapper(mapper).defaultTyping().build();
  }

  @Bean
  @Primary
  Serializer serializer() {
    return jackson();
  }

  @Bean
  @Qualifier("eventSerializer")
  Serializer eventSerializer() {
    return jackson();
  }

  @Bean
  @Qualifier("messageSerializer")
  Serializer messageSerializer() {
    return jackson();
  }

  /**
   * One document per event; the unique (aggregateIdentifier, sequenceNumber) index made by
   * {@code ensureIndexes()} is what turns two nodes racing on one batch into a ConcurrencyException.
   */
  @Bean
  EventStorageEngine eventStorageEngine(
      MongoTemplate axonMongoTemplate, @Qualifier("eventSerializer") Serializer events, Serializer snapshots,
      EventStoreSettings settings) {
    MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
        .mongoTemplate(axonMongoTemplate)
        .eventSerializer(events)
        .snapshotSerializer(snapshots)
        .storageStrategy(new DocumentPerEventStorageStrategy(EventEntryConfiguration.getDefault(), settings.lookBack()))
        .build();
    engine.ensureIndexes();
    return engine;
  }

  /** Axon's embedded store, holding fewer of the newest events in memory than its default (EventStoreSettings). */
  @Bean
  EmbeddedEventStore eventStore(EventStorageEngine engine, org.axonframework.config.Configuration configuration,
      EventStoreSettings settings) {
    return EmbeddedEventStore.builder()
        .storageEngine(engine)
        .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
        .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
        .cachedEvents(settings.cachedEvents())
        .build();
  }

  @Bean
  TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
    return MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
  }

  @Bean
  SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
    return MongoSagaStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
  }

  /** Axon's own origin (correlation and trace ids) ... */
  @Bean
  CorrelationDataProvider messageOrigin() {
    return new MessageOriginProvider();
  }

  /** ... and the HTTP request id, carried from the command to the events it caused, then onto Kafka. */
  @Bean
  CorrelationDataProvider requestId() {
    return new SimpleCorrelationDataProvider("requestId");
  }

  /**
   * ... and the W3C trace of the request: every command sent on a traced thread carries its
   * {@code traceparent}, its events keep it in their metadata, and the publishers continue it on Kafka.
   */
  @Bean
  CorrelationDataProvider traceParent() {
    return new SimpleCorrelationDataProvider(TraceParent.HEADER);
  }

  @Bean
  SmartInitializingSingleton traceOnCommands(CommandBus commandBus) {
    return () -> commandBus.registerDispatchInterceptor(commands -> (index, command) -> {
      String traceparent = TraceParent.current(); // the dispatching (request) thread
      return traceparent == null ? command : command.andMetaData(Map.of(TraceParent.HEADER, traceparent));
    });
  }

  /** Every tracking processor's lag, from each event's time to its handling (ProcessingLag). */
  @Bean
  ConfigurerModule processingLag(io.micrometer.core.instrument.MeterRegistry registry, java.time.Clock clock) {
    return configurer -> configurer.eventProcessing()
        .registerDefaultHandlerInterceptor((config, processor) -> new ProcessingLag(processor, registry, clock));
  }

  /**
   * A handler that fails makes its processor stop and retry the same event with back-off, instead of
   * Axon's default of logging and moving on, which would silently drop a publication or a view update.
   */
  @Bean
  ConfigurerModule retryFailedEventHandling() {
    return configurer -> configurer.eventProcessing()
        .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
  }
}
